package dev.kubebench.cli;

import dev.kubebench.catalog.load.SpecLoader;
import dev.kubebench.catalog.plan.BenchmarkPlan;
import dev.kubebench.catalog.plan.Trial;
import dev.kubebench.collector.TrialCollector;
import dev.kubebench.collector.history.DatabaseUrl;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.core.io.AtomicFiles;
import dev.kubebench.collector.store.ResultsStore;
import dev.kubebench.collector.store.RunDirectory;
import dev.kubebench.report.Reports;
import dev.kubebench.runner.AdaptiveAdmission;
import dev.kubebench.runner.Backend;
import dev.kubebench.runner.RunExecutor;
import dev.kubebench.core.trial.TrialOutcome;
import dev.kubebench.runner.kubernetes.KubernetesBackend;
import dev.kubebench.runner.kubernetes.KubernetesSettings;
import dev.kubebench.runner.local.LocalBackend;
import dev.kubebench.runner.render.ManifestRenderer;
import dev.kubebench.runner.render.ManifestWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
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

    @Option(names = "--no-report", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Write CSV, HTML, Markdown and JUnit reports into the run directory (default: on).")
    boolean report;

    // Declared as --telemetry: picocli turns a declared --no-X with a true default into a flag that stays true.
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
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (parallel < 1) {
            throw new ParameterException(spec.commandLine(), "--parallel must be at least 1, got " + parallel);
        }
        Clock clock = Clock.systemUTC();
        DatabaseUrl history = dbUrl == null ? null : DatabaseUrl.parse(dbUrl);
        BenchmarkPlan plan = SpecLoader.loadFile(specFile, profile, sets);
        try (Backend backend = openBackend(err)) {
            backend.preflight(plan);
            RunDirectory run = new ResultsStore(resultsDir).createRun(plan.benchmarkName(), clock, new SecureRandom());
            RunRecorder recorder = new RunRecorder(run, plan, backend.name(), specFile);
            recorder.writeBenchmarkYaml();
            if (report) {
                Reports.prepareCharts();
            }
            out.printf("kubebench: running %s (%d trial%s, %s backend) -> %s%n", plan.benchmarkName(),
                    plan.trials().size(), plan.trials().size() == 1 ? "" : "s", backend.name(), run.path());
            out.flush();
            List<RunResult> results = new ArrayList<>();
            TrialCollector collector = new TrialCollector();
            ExperimentDesign design = new ExperimentDesign(plan);
            AdaptiveAdmission admission = new AdaptiveAdmission(plan, design);
            ManifestRenderer renderer = new ManifestRenderer(allowClusterScoped);
            StatusDisplay status = new StatusDisplay(out, StatusDisplay.stdoutIsTerminal(),
                    parallel > 1 && plan.trials().size() > 1, clock);
            RunExecutor executor = new RunExecutor(backend, run.runId(),
                    trial -> prepareTrial(run, renderer, trial),
                    trial -> status.trial(trial.index() + 1, plan.trials().size()),
                    (trial, outcome, dir) -> {
                        // the executor never calls this concurrently, even with --parallel
                        status.trialDone(trial.index() + 1);
                        RunResult result = collect(collector, run, trial, outcome, err);
                        results.add(result);
                        design.completed(result);
                        out.println(Summaries.trialLine(result));
                        out.flush();
                    },
                    clock, keep, parallel).admitting(admission);
            InterruptGuard guard = new InterruptGuard(executor::cancel, INTERRUPT_GRACE);
            try {
                try (status) {
                    executor.run(plan);
                }
                // with --parallel, trials complete out of order; summary, table and reports list them in plan order
                results.sort(Comparator.comparingInt(RunResult::trial));
                recorder.finish(results, admission.skipped(), report, err);
                out.println();
                out.print(Summaries.table(results));
                Summaries.printDesign(out, design, results);
                out.printf("%nresults: %s%n", run.path().toAbsolutePath());
                if (report) {
                    out.printf("report:  %s%n", run.reportHtml().toAbsolutePath());
                }
                out.flush();
            } finally {
                guard.close();
            }
            int exitCode = Summaries.exitCode(results, plan.trials().size() - admission.skipped());
            return history == null ? exitCode : RunHistoryPush.push(history, run.path(), labels, exitCode, out, err);
        }
    }

    private Backend openBackend(PrintWriter err) {
        if (local) {
            return new LocalBackend(System.getenv(), LocalBackend.KILL_GRACE,
                    telemetry ? LocalBackend.TELEMETRY_INTERVAL : Duration.ZERO);
        }
        ManifestRenderer renderer = new ManifestRenderer(allowClusterScoped);
        KubernetesSettings settings = KubernetesSettings.DEFAULTS.withCheckNodes(!skipNodeCheck)
                .withUnschedulableGrace(unschedulableGrace);
        // the renderer needs the namespace the backend resolved from -n or the kubeconfig, known once it connected
        AtomicReference<KubernetesBackend> connected = new AtomicReference<>();
        KubernetesBackend backend = KubernetesBackend.connect(cluster.toClusterOptions(), settings,
                (trial, runId, jobName) -> renderer.render(trial, runId, connected.get().namespace()).objects(),
                warning -> {
                    err.println("warning: " + warning);
                    err.flush();
                });
        connected.set(backend);
        return backend;
    }

    private Path prepareTrial(RunDirectory run, ManifestRenderer renderer, Trial trial) {
        try {
            Path dir = run.createTrial(trial.index());
            if (local) {
                // What this trial would be on a cluster, for the record (the Kubernetes backend writes what it submits).
                AtomicFiles.writeString(run.manifest(trial.index()),
                        ManifestWriter.toYaml(renderer.render(trial, run.runId(), "default")));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RunResult collect(TrialCollector collector, RunDirectory run, Trial trial, TrialOutcome outcome,
                                     PrintWriter err) {
        try {
            return collector.collect(run, trial, outcome);
        } catch (IOException e) {
            err.println("error: could not write the result of trial " + trial.index() + ": " + e.getMessage());
            err.flush();
            throw new UncheckedIOException(e);
        }
    }
}
