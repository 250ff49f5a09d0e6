package dev.kubebench.collector.mlperf.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.catalog.mlperf.compliance.ComplianceRules;
import dev.kubebench.catalog.mlperf.compliance.RuleSet;
import dev.kubebench.collector.mllog.MllogParser;
import dev.kubebench.collector.mllog.ParseStats;
import dev.kubebench.collector.mlperf.SubmissionDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rule engine against the verdicts of the official MLCommons compliance checker (mlperf_logging 4.1.59), run
 * by hand on every log below, e.g.
 * {@code python3 -m mlperf_logging.compliance_checker --usage training --ruleset 4.0.0 result_0.txt}: SUCCESS is
 * null here, otherwise the checker's first message in kubebench's words (file line numbers, tests in words).
 */
class ComplianceCheckerTest {
    private static final Path SHARED = Path.of(System.getProperty("kubebench.shared"), "mlperf-logs");
    private static final Path OURS = Path.of("src/test/resources/mlperf-compliance");
    private static final ComplianceRules RULES = ComplianceRules.standard();

    private static ComplianceResult check(Path log, String ruleset) throws IOException {
        RuleSet rules = RULES.find(ruleset).orElseThrow();
        ComplianceRecorder recorder = new ComplianceRecorder(RULES.keys());
        ParseStats stats = new MllogParser().parse(log, recorder);
        return recorder.check(rules, stats);
    }

    private static Map<String, String> verdicts(Path dir, String ruleset) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Path f : SubmissionDirectory.resultFiles(dir)) {
            out.put(f.getFileName().toString(), check(f, ruleset).firstError());
        }
        return out;
    }

    private static Map<String, String> allCompliantBut(List<String> files, Map<String, String> failures) {
        Map<String, String> out = new LinkedHashMap<>();
        files.forEach(f -> out.put(f, failures.get(f)));
        return out;
    }

    private static List<String> names(String pattern, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(String.format(pattern, i));
        }
        return out;
    }

    @Test
    void publishedLogsFailExactlyWhereTheOfficialCheckerFails() throws IOException {
        assertEquals(allCompliantBut(names("result_%d.txt", 10), Map.of("result_4.txt",
                        "Failed checks for eval_accuracy : value >= 0.72 and value < 1.0")),
                verdicts(SHARED.resolve("3.0/NVIDIA/dgxh100_n8_ngc23.04_pytorch/bert"), "3.0.0"));
        assertEquals(allCompliantBut(names("result_%d.txt", 5), Map.of("result_1.txt",
                        "Failed checks for eval_accuracy : value >= 0.759 and value < 1.0")),
                verdicts(SHARED.resolve("3.0/Dell/XE9680x8H100-SXM-80GB/resnet"), "3.0.0"));
        assertEquals(allCompliantBut(names("result_%d.txt", 10), Map.of()),
                verdicts(SHARED.resolve("4.0/ASUSTeK/ESC_N8A-E12/llama2_70b_lora"), "4.0.0"));
        assertEquals(allCompliantBut(names("result_%d.txt", 5), Map.of("result_0.txt",
                        "Required EXACTLY_ONE occurrence of 'run_stop' but found 0")),
                verdicts(SHARED.resolve("4.0/tinycorp/tinybox_green/resnet"), "4.0.0"));
    }

    @Test
    void tinycorpsKilledRunFailsTwoRulesInTheOfficialOrder() throws IOException {
        ComplianceResult r = check(SHARED.resolve("4.0/tinycorp/tinybox_green/resnet/result_0.txt"), "4.0.0");
        assertEquals(List.of("Required EXACTLY_ONE occurrence of 'run_stop' but found 0",
                "Failed checks for eval_accuracy : value >= 0.759 and value < 1.0"), r.errors());
    }

    @Test
    void ourFixturesMatchTheOfficialChecker() throws IOException {
        String bert = "4.0/Fixture/fixture-8xgpu/bert";
        List<String> longNames = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            longNames.add("result_5016-24051005163769255279" + k + "_" + (26 + k) + ".txt");
        }
        assertEquals(allCompliantBut(longNames, Map.of()), verdicts(OURS.resolve("long-names").resolve(bert), "4.0.0"));
        Map<String, String> missing = new LinkedHashMap<>();
        names("result_%d.txt", 10).forEach(f -> missing.put(f,
                "Required EXACTLY_ONE occurrence of 'opt_lamb_epsilon' but found 0"));
        assertEquals(missing, verdicts(OURS.resolve("missing-hyperparameter").resolve(bert), "4.0.0"));
        String order = "CHECK for 'run_start' failed in line 21: failed test: after init_stop";
        assertEquals(allCompliantBut(names("result_%d.txt", 10), Map.of("result_3.txt", order, "result_7.txt", order)),
                verdicts(OURS.resolve("out-of-order").resolve(bert), "4.0.0"));
        assertEquals(allCompliantBut(names("result_%d.txt", 5), Map.of()),
                verdicts(OURS.resolve("object-accuracy/3.1/Fixture/fixture-8xgpu/maskrcnn"), "3.1.0"));
    }

    @Test
    void aBenchmarkWithoutRulesInTheRoundIsRefused() throws IOException {
        // 4.0.0 still lists maskrcnn among its benchmarks but has no rule file for it: the official checker says
        // "Could not find config file: <path>/training_4.0.0/closed_maskrcnn.yaml" (and then stops)
        ComplianceResult r = check(OURS.resolve("object-accuracy/3.1/Fixture/fixture-8xgpu/maskrcnn/result_0.txt"),
                "4.0.0");
        assertEquals(List.of("Could not find config file: training_4.0.0/closed_maskrcnn.yaml"), r.errors());
        // 5.0.0 does not list it: the benchmark itself is refused
        ComplianceResult five = check(OURS.resolve("object-accuracy/3.1/Fixture/fixture-8xgpu/maskrcnn/result_0.txt"),
                "5.0.0");
        assertTrue(five.firstError().startsWith(
                "CHECK for 'submission_benchmark' failed in line 3: failed test: value in ['retinanet'"),
                five.firstError());
    }

    @Test
    void everyRoundFromThreeToFiveOneIsThere() {
        assertEquals(List.of("3.0.0", "3.1.0", "4.0.0", "4.1.0", "5.0.0", "5.1.0"), RULES.rulesets());
        assertEquals("4.0.0", Rounds.detect(RULES, Path.of("/x/training_results_v4.0/NVIDIA/results/sys/bert"),
                "bert").orElseThrow().ruleset());
        // bert left the closed and open divisions in 5.1
        assertEquals("5.0.0", Rounds.detect(RULES, Path.of("/x/y/bert"), "bert").orElseThrow().ruleset());
        assertEquals("5.1.0", Rounds.detect(RULES, Path.of("/x/y/flux1"), "flux1").orElseThrow().ruleset());
        assertEquals("4.0.0", Rounds.detect(RULES, Path.of("/x/y/resnet"), "resnet").orElseThrow().ruleset());
        assertTrue(Rounds.detect(RULES, Path.of("/x/y/minigo2"), "minigo2").isEmpty());
    }
}
