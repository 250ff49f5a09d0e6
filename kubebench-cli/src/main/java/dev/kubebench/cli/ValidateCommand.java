package dev.kubebench.cli;

import dev.kubebench.core.text.Printable;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.catalog.load.SpecLoader;
import dev.kubebench.catalog.load.SpecSecrets;
import dev.kubebench.core.secret.Redactor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kubebench validate}: loads every spec as {@code run} and {@code render} would and reports every problem, one
 * line each ({@code file:line:col: field.path: message}). Exit 0 when all are valid, 2 otherwise.
 */
@Command(name = "validate",
        description = {"Check benchmark specs: YAML, field names and types, parameters and sweeps, and the rules the"
                + " Kubeflow operators' admission webhooks enforce (replica types, Master/Launcher counts, DNS-1035"
                + " names of the generated jobs and pods).",
            "Prints 'OK <file> (<n> trials)' per valid spec and every problem of an invalid one. Without --profile,"
                + " every profile of the spec is checked too."},
        mixinStandardHelpOptions = true)
public final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose;

    @Parameters(arity = "1..*", paramLabel = "SPEC", description = "Benchmark spec files (YAML).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "NAME", description = "Apply the named profile from spec.profiles.")
    String profile;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a spec field, e.g. --set parameters.workers=4 (paths without apiVersion, kind,"
                    + " metadata or spec are under spec); repeatable, applied in order after the profile.")
    List<String> sets = new ArrayList<>();

    @Override
    public Integer call() {
        // a secret given with --set is not printed back, even in an error about the spec
        RedactingWriter.protect(spec.commandLine(), Redactor.of(SpecSecrets.overrides(sets)));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SpecLoader loader = new SpecLoader();
        int invalid = 0;
        for (Path file : files) {
            List<String> problems = loader.validate(file, profile, sets);
            if (problems.isEmpty()) {
                int trials;
                try {
                    trials = loader.load(file, profile, sets).trials().size();
                } catch (KubebenchException e) {
                    // validate() found nothing, so load() cannot fail; report it as found rather than hide it.
                    problems = e.problems();
                    trials = -1;
                }
                if (trials >= 0) {
                    out.println("OK " + Printable.escape(file.toString()) + " (" + trials
                            + (trials == 1 ? " trial)" : " trials)"));
                    continue;
                }
            }
            invalid++;
            for (String p : problems) {
                err.println(Printable.escape(p));
            }
        }
        out.flush();
        if (invalid > 0) {
            err.println(invalid + " of " + files.size() + (files.size() == 1 ? " spec is" : " specs are") + " invalid");
        }
        err.flush();
        return invalid == 0 ? ExitCodes.OK : ExitCodes.USAGE;
    }
}
