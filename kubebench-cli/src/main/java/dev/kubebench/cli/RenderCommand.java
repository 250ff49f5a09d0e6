package dev.kubebench.cli;

import dev.kubebench.catalog.load.SpecLoader;
import dev.kubebench.catalog.load.SpecSecrets;
import dev.kubebench.catalog.plan.BenchmarkPlan;
import dev.kubebench.core.secret.Redactor;
import dev.kubebench.runner.render.ManifestRenderer;
import dev.kubebench.runner.render.ManifestWriter;
import dev.kubebench.runner.render.RenderedTrial;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kubebench render}: prints, for every trial (sweep point x repetition), the exact objects kubebench would
 * create, without a cluster. The output is reproducible: the run id defaults to a fixed placeholder.
 */
@Command(name = "render",
        description = {"Print the Kubernetes objects kubebench would create for every trial of a spec, without a"
                + " cluster: the shipped-files ConfigMap and the job (PyTorchJob, TFJob, XGBoostJob, JAXJob, PaddleJob,"
                + " MPIJob v1/v2beta1, TrainJob or batch/v1 Job).",
            "YAML output is a multi-document stream that 'kubectl apply -f -' accepts."},
        mixinStandardHelpOptions = true)
public final class RenderCommand implements Callable<Integer> {
    /** The run id used when none is given, so that output is the same on every call. */
    public static final String PLACEHOLDER_RUN_ID = "render-000000";
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)");
    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    /** Output formats of {@code -o}. */
    enum Format { YAML, JSON }

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose;

    @Parameters(index = "0", paramLabel = "SPEC", description = "The benchmark spec file (YAML).")
    Path file;

    @Option(names = "--profile", paramLabel = "NAME", description = "Apply the named profile from spec.profiles.")
    String profile;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a spec field, e.g. --set parameters.workers=4 (paths without apiVersion, kind,"
                    + " metadata or spec are under spec); repeatable, applied in order after the profile.")
    List<String> sets = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "yaml",
            description = "yaml (multi-document, default) or json (an array of {trial, point, repetition, job,"
                    + " objects}).")
    Format output;

    @Option(names = "--run-id", paramLabel = "ID", defaultValue = PLACEHOLDER_RUN_ID,
            description = "Run id for the kubebench.dev/run-id label and the job names (default: ${DEFAULT-VALUE}).")
    String runId;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", defaultValue = "default",
            description = "Namespace written into every object (default: ${DEFAULT-VALUE}).")
    String namespace;

    @Override
    public Integer call() {
        // a secret given with --set is not printed back, even in an error about the spec
        RedactingWriter.protect(spec.commandLine(), Redactor.of(SpecSecrets.overrides(sets)));
        if (!LABEL_VALUE.matcher(runId).matches()) {
            throw new ParameterException(spec.commandLine(), "--run-id '" + runId + "' is not a valid label value"
                    + " (at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit)");
        }
        if (!DNS_1123_LABEL.matcher(namespace).matches()) {
            throw new ParameterException(spec.commandLine(), "--namespace '" + namespace + "' is not a valid"
                    + " namespace name (lowercase letters, digits and '-', at most 63 characters)");
        }
        BenchmarkPlan plan = new SpecLoader().load(file, profile, sets);
        List<RenderedTrial> rendered = new ManifestRenderer().renderAll(plan, runId, namespace);
        PrintWriter out = spec.commandLine().getOut();
        // literal values of secret-looking variables and parameters are masked: use valueFrom to render a secret
        Redactor redactor = SpecSecrets.redactor(plan);
        out.print(output == Format.JSON ? ManifestWriter.toJson(rendered, redactor)
                : ManifestWriter.toYaml(rendered, redactor));
        out.flush();
        return ExitCodes.OK;
    }
}
