package dev.kubebench.cli;

import dev.kubebench.core.text.Printable;
import dev.kubebench.catalog.load.SpecLoader;
import dev.kubebench.catalog.load.SpecSecrets;
import dev.kubebench.catalog.plan.BenchmarkPlan;
import dev.kubebench.catalog.plan.Trial;
import dev.kubebench.collector.TrialCollector;
import dev.kubebench.collector.history.DatabaseUrl;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.core.io.AtomicFiles;
import dev.kubebench.core.secret.Redactor;
import dev.kubebench.collector.store.RunDirectory;
import dev.kubebench.collector.telemetry.TelemetryRecorder;
import dev.kubebench.report.Reports;
import dev.kubebench.runner.AdaptiveAdmission;
import dev.kubebench.runner.Backend;
import dev.kubebench.runner.RunExecutor;
import dev.kubebench.core.trial.TrialOutcome;
import dev.kubebench.runner.kubernetes.KubernetesBackend;
import dev.kubebench.runner.kubernetes.KubernetesSettings;
import dev.kubebench.runner.local.LocalBackend;
import dev.kubebench.runner.local.ReferenceValues;
import dev.kubebench.runner.render.ManifestRenderer;
import dev.kubebench.runner.render.ManifestWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kubebench run SPEC}: runs every trial of a benchmark on a backend, collects each trial's result.json as it
 * ends, and writes the summary and reports into the run directory, even when trials fail or the run is interrupted.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a benchmark: every trial (sweep point x repetition) on the cluster through the training "
                + "operators, or with --local as processes on this machine; then collect results and write reports.",
            "Results go to <results-dir>/<benchmark>/<run-id>/."})
public final class RunCommand implements Callable<Integer> {
    /** How long Ctrl-C/SIGTERM waits for cleanup and result writing before the JVM ends anyway. */
    private static final Duration INTERRUPT_GRACE = Duration.ofMinutes(3);

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose;

    @Parameters(index = "0", paramLabel = "SPEC", description = "The benchmark spec (YAML).")
    Path specFile;

    @Option(names = "--local", description = "Run replicas as local processes instead of on a cluster.")
    boolean local;

    @Option(names = "--profile", paramLabel = "NAME", description = "Apply the spec's named profile.")
    String profile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a spec value (see docs/spec.md).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--secret-env-file", paramLabel = "FILE",
            description = "With --local: NAME=VALUE lines giving the values of env variables declared with "
                    + "valueFrom secretKeyRef/configMapKeyRef (looked up by the variable's name, then in kubebench's "
                    + "environment). Every value in it is masked in the run's files and output (see docs/spec.md).")
    Path secretEnvFile;

    @Option(names = "--results-dir", paramLabel = "DIR", defaultValue = "results",
            description = "Where run directories are written (default: ${DEFAULT-VALUE}).")
    Path resultsDir;

    @Mixin
    ClusterOptionsMixin cluster;

    @Option(names = "--keep", description = "Keep what each trial created (pods, jobs) instead of deleting it; "
            + "remove it later with `kubebench cleanup --run-id ID`.")
    boolean keep;

    @Option(names = "--skip-node-check", description = "Do not check before the run that nodes of the node pool "
            + "exist with allocatable GPUs (for clusters that scale GPU pools from zero).")
    boolean skipNodeCheck;

    @Option(names = "--allow-cluster-scoped", description = "Let a job.manifest hold cluster-scoped objects (a "
            + "ClusterTrainingRuntime): each trial creates them with the run labels and deletes them with its job. "
            + "Without it such a manifest is an error, since every namespace shares those objects.")
    boolean allowClusterScoped;

    @Option(names = "--unschedulable-grace", paramLabel = "DURATION", defaultValue = "10m",
            converter = Converters.Duration.class,
            description = "How long a pod may stay unschedulable before its trial fails as infrastructure "
                    + "(e.g. 90s, 10m; default 10m). Pods waiting in a Kueue queue are not unschedulable.")
    Duration unschedulableGrace;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1",
            description = "Run up to N trials at once (default: ${DEFAULT-VALUE}); on a cluster they must fit "
                    + "together, locally they share this machine.")
    int parallel;

    // Declared as --report and --telemetry: picocli turns a declared --no-X with a true default into a flag that
    // stays true (--no-report wrote the reports anyway).
    @Option(names = "--report", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Write CSV, HTML, Markdown and JUnit reports into the run directory; --no-report skips "
                    + "them (default: on).")
    boolean report;

    @Option(names = "--telemetry", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "With --local: sample each trial's processes (CPU, memory) every second and, when "
                    + "nvidia-smi is on PATH, its GPUs; --no-telemetry turns it off (default: on; docs/local.md).")
    boolean telemetry;

    @Option(names = "--db", paramLabel = "URL",
            description = "After the reports, push the run to this PostgreSQL history (postgresql://user@host:5432/"
                    + "db; see `kubebench history push`). A failed push keeps the results and exits 4.")
    String dbUrl;

    @Option(names = "--label", paramLabel = "KEY=VALUE",
            description = "With --db: label the pushed run, e.g. cluster, branch, git sha, image (repeatable).")
    Map<String, String> labels = new LinkedHashMap<>();

    @Override
    public Integer call() throws IOException {
        // opened first: from here a signal waits until the run directory (once it exists) is in a final state
        try (InterruptGuard guard = InterruptGuard.open(INTERRUPT_GRACE)) {
            return run(guard);
        }
    }

    private int run(InterruptGuard guard) throws IOException {
        if (parallel < 1) {
            throw new ParameterException(spec.commandLine(), "--parallel must be at least 1, got " + parallel);
        }
        ResultsDirs.check(spec.commandLine(), resultsDir);
        Clock clock = Clock.systemUTC();
        DatabaseUrl history = dbUrl == null ? null : DatabaseUrl.parse(dbUrl);
        if (secretEnvFile != null && !local) {
            throw new ParameterException(spec.commandLine(), "--secret-env-file applies to --local runs only (on a"
                    + " cluster, secretKeyRef reads the Secret)");
        }
        RedactingWriter.protect(spec.commandLine(), Redactor.of(SpecSecrets.overrides(sets)));
        BenchmarkPlan plan = SpecLoader.loadFile(specFile, profile, sets);
        ReferenceValues references = !local ? null : secretEnvFile == null ? ReferenceValues.of(System.getenv())
                : ReferenceValues.read(secretEnvFile, System.getenv());
        Redactor redactor = SpecSecrets.redactor(plan).plus(SpecSecrets.overrides(sets))
                .plus(local ? references.check(plan) : List.of())
                .plus(history == null || history.password() == null ? List.of() : List.of(history.password()));
        RedactingWriter.protect(spec.commandLine(), redactor);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Backend backend = openBackend(err, references, redactor)) {
            backend.preflight(plan);
            if (guard.interrupted()) {
                return ExitCodes.INTERRUPTED;
            }
            RunDirectory run = ResultsDirs.createRun(resultsDir, plan.benchmarkName(), clock);
            RunRecorder recorder = new RunRecorder(run, plan, backend.name(), specFile, redactor);
            List<RunResult> results = new ArrayList<>();
            ExperimentDesign design = new ExperimentDesign(plan);
            AdaptiveAdmission admission = new AdaptiveAdmission(plan, design);
            try {
                try {
                    recorder.writeBenchmarkYaml();
                } catch (IOException e) {
                    throw new KubebenchException(Failure.INFRASTRUCTURE, "could not write " + run.benchmarkYaml()
                            + ": " + ResultsDirs.reason(e));
                }
                if (report) {
                    Reports.prepareCharts();
                }
                out.printf("kubebench: running %s (%d trial%s, %s backend) -> %s%n", plan.benchmarkName(),
                        plan.trials().size(), plan.trials().size() == 1 ? "" : "s", backend.name(), run.path());
                out.flush();
                TrialCollector collector = new TrialCollector();
                RunTelemetry telemetry = new RunTelemetry(
                        backend instanceof KubernetesBackend k ? k.serviceProxy() : null, err);
                ManifestRenderer renderer = new ManifestRenderer(allowClusterScoped);
                StatusDisplay status = new StatusDisplay(out, StatusDisplay.stdoutIsTerminal(),
                        parallel > 1 && plan.trials().size() > 1, clock);
                RunExecutor executor = new RunExecutor(backend, run.runId(),
                        trial -> prepareTrial(run, renderer, trial, redactor),
                        trial -> status.trial(trial.index() + 1, plan.trials().size()),
                        (trial, outcome, dir) -> {
                            // the executor never calls this concurrently, even with --parallel
                            status.trialDone(trial.index() + 1);
                            RunResult result = telemetry(telemetry, run, trial,
                                    collect(collector, run, trial, outcome, redactor), err);
                            results.add(result);
                            design.completed(result);
                            out.println(Summaries.trialLine(result));
                            out.flush();
                        },
                        clock, keep, parallel).admitting(admission).redacting(redactor);
                guard.onInterrupt(executor::cancel);
                try (status) {
                    executor.run(plan);
                }
                // with --parallel, trials complete out of order; summary, table and reports list them in plan order
                results.sort(Comparator.comparingInt(RunResult::trial));
                recorder.finish(results, admission.skipped(), report, guard.interrupted(), err);
            } catch (RuntimeException | Error e) {
                // whatever ends the run after its directory exists, the directory and the index record how it ended
                results.sort(Comparator.comparingInt(RunResult::trial));
                recorder.abort(results, admission.skipped(), e, guard.interrupted(), err);
                throw e;
            }
            out.println();
            out.print(Summaries.table(results));
            Summaries.printDesign(out, design, results);
            out.printf("%nresults: %s%n", run.path().toAbsolutePath());
            if (report) {
                out.printf("report:  %s%n", run.reportHtml().toAbsolutePath());
            }
            out.flush();
            int exitCode = guard.interrupted() ? ExitCodes.INTERRUPTED
                    : Summaries.exitCode(results, plan.trials().size() - admission.skipped());
            return history == null ? exitCode : RunHistoryPush.push(history, run.path(), labels, exitCode, out, err);
        }
    }

    private Backend openBackend(PrintWriter err, ReferenceValues references, Redactor redactor) {
        if (local) {
            return new LocalBackend(System.getenv(), LocalBackend.KILL_GRACE,
                    telemetry ? LocalBackend.TELEMETRY_INTERVAL : Duration.ZERO, references);
        }
        ManifestRenderer renderer = new ManifestRenderer(allowClusterScoped);
        KubernetesSettings settings = KubernetesSettings.DEFAULTS.withCheckNodes(!skipNodeCheck)
                .withUnschedulableGrace(unschedulableGrace);
        // the renderer needs the namespace the backend resolved from -n or the kubeconfig, known once it connected
        AtomicReference<KubernetesBackend> connected = new AtomicReference<>();
        KubernetesBackend backend = KubernetesBackend.connect(cluster.toClusterOptions(), settings,
                (trial, runId, jobName) -> renderer.render(trial, runId, connected.get().namespace()).objects(),
                warning -> {
                    err.println("warning: " + Printable.escape(warning));
                    err.flush();
                }).redacting(redactor);
        connected.set(backend);
        return backend;
    }

    private Path prepareTrial(RunDirectory run, ManifestRenderer renderer, Trial trial, Redactor redactor) {
        try {
            Path dir = run.createTrial(trial.index());
            if (local) {
                // What this trial would be on a cluster, for the record (the Kubernetes backend writes what it submits).
                AtomicFiles.writeString(run.manifest(trial.index()),
                        ManifestWriter.toYaml(renderer.render(trial, run.runId(), "default"), redactor));
            }
            return dir;
        } catch (IOException e) {
            throw new KubebenchException(Failure.INFRASTRUCTURE, "could not prepare the directory of trial "
                    + trial.index() + " in " + run.path() + ": " + ResultsDirs.reason(e));
        }
    }

    private static RunResult telemetry(RunTelemetry telemetry, RunDirectory run, Trial trial, RunResult result,
                                       PrintWriter err) {
        try {
            return telemetry.add(run, result,
                    TelemetryRecorder.telemetrySpec(trial.benchmark().spec()).orElse(null));
        } catch (IOException e) {
            err.println("warning: could not record the telemetry of trial " + trial.index() + ": "
                    + Printable.escape(String.valueOf(e.getMessage())));
            err.flush();
            return result;
        }
    }

    /** A result that cannot be written (disk full, read-only) stops the run as an infrastructure failure. */
    private static RunResult collect(TrialCollector collector, RunDirectory run, Trial trial, TrialOutcome outcome,
                                     Redactor redactor) {
        try {
            return collector.collect(run, trial, outcome, redactor);
        } catch (IOException e) {
            throw new KubebenchException(Failure.INFRASTRUCTURE, "could not write the result of trial " + trial.index()
                    + " into " + run.trialDir(trial.index()) + ": " + ResultsDirs.reason(e));
        }
    }
}
