package dev.kubebench.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of docs/architecture.md, checked on the compiled classes of every module: picocli only in the
 * CLI, fabric8 only in the runner, HdrHistogram only in the result collector, JDBC only in its history store, the core
 * on the JDK alone, the reporters' analysis apart from their rendering, no module reaches up the stack, and every CSV is
 * written through the one helper that neutralizes formula cells.
 */
class ModuleBoundariesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.kubebench");
    }

    @Test
    void onlyTheCliUsesPicocli() {
        noClasses().that().resideOutsideOfPackage("dev.kubebench.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(classes);
    }

    @Test
    void onlyTheRunnerUsesFabric8() {
        noClasses().that().resideOutsideOfPackage("dev.kubebench.runner..")
                .should().dependOnClassesThat().resideInAPackage("io.fabric8..")
                .check(classes);
    }

    @Test
    void onlyTheCollectorUsesHdrHistogram() {
        noClasses().that().resideOutsideOfPackage("dev.kubebench.collector..")
                .should().dependOnClassesThat().resideInAPackage("org.HdrHistogram..")
                .check(classes);
    }

    @Test
    void onlyTheHistoryStoreSpeaksJdbc() {
        noClasses().that().resideOutsideOfPackage("dev.kubebench.collector.history..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.postgresql..")
                .check(classes);
    }

    @Test
    void theCoreDependsOnNothingButTheJdk() {
        classes().that().resideInAPackage("dev.kubebench.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.kubebench.core..", "java..")
                .check(classes);
    }

    @Test
    void lowerModulesDoNotReachUp() {
        noClasses().that().resideInAPackage("dev.kubebench.catalog..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.kubebench.runner..", "dev.kubebench.collector..",
                        "dev.kubebench.report..", "dev.kubebench.cli..")
                .check(classes);
        noClasses().that().resideInAnyPackage("dev.kubebench.runner..", "dev.kubebench.collector..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.kubebench.report..", "dev.kubebench.cli..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.kubebench.runner..")
                .should().dependOnClassesThat().resideInAPackage("dev.kubebench.collector..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.kubebench.report..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.kubebench.runner..", "dev.kubebench.cli..")
                .check(classes);
    }

    @Test
    void reportAnalysisKnowsNoOutputFormat() {
        noClasses().that().resideInAPackage("dev.kubebench.report.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.kubebench.report.text..",
                        "dev.kubebench.report.csv..", "dev.kubebench.report.html..", "dev.kubebench.report.markdown..",
                        "dev.kubebench.report.junit..", "dev.kubebench.report.json..", "dev.kubebench.report.chart..",
                        "org.jfree..", "org.apache.commons.csv..")
                .check(classes);
    }

    @Test
    void everyCsvIsWrittenThroughSafeCsv() {
        // SafeCsv neutralizes formula cells (issue 12); a writer that prints records itself would bypass it.
        String safeCsv = "dev.kubebench.report.csv.SafeCsv";
        noClasses().that().doNotHaveFullyQualifiedName(safeCsv)
                .should().callMethodWhere(DescribedPredicate.describe("prints CSV records with Commons CSV",
                        (JavaMethodCall call) -> call.getTargetOwner().isAssignableTo("org.apache.commons.csv.CSVFormat")
                                && call.getName().startsWith("print")))
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.apache.commons.csv.CSVPrinter")
                .check(classes);
    }
}
