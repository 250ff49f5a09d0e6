package dev.kubebench.runner.local;

import dev.kubebench.catalog.plan.BenchmarkPlan;
import dev.kubebench.catalog.plan.JobNames;
import dev.kubebench.catalog.plan.Trial;
import dev.kubebench.catalog.spec.BenchmarkSpec;
import dev.kubebench.catalog.spec.JobSpec;
import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.core.trial.TrialOutcome;
import dev.kubebench.runner.Backend;
import dev.kubebench.runner.TrialContext;
import dev.kubebench.runner.TrialLifecycle;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs each replica of a trial's job as a process on this machine, with the environment the job's operator would
 * inject ({@link OperatorEnvironment}) and {@code $(VAR)} expansion as the kubelet does it ({@link ReplicaLaunch}).
 *
 * <p>Per trial: the spec's {@code job.files} are copied to {@code trials/<n>/files} (also the working directory and
 * {@code $KUBEBENCH_FILES_DIR}); each replica's combined output goes to {@code trials/<n>/logs/<pod>.log}. How the
 * replicas start, end and are stopped is {@link LocalTrial}'s; the steps, the timeout and the {@code finished} event
 * are the shared {@link TrialLifecycle}'s. However the trial ends, and on interrupt, all process trees are terminated
 * (SIGTERM, then SIGKILL after the grace period) before the method returns or throws.
 *
 * <p>While a trial runs, its replicas' process trees are sampled from /proc, and its GPUs through nvidia-smi when
 * it is on PATH ({@link LocalTelemetry}, docs/local.md); the trial directory gets {@code local-telemetry.json} and
 * {@code telemetry.csv}.
 *
 * <p>Trials may run concurrently (one {@code runTrial} per thread): each keeps its processes to itself, and the ports
 * handed to one trial's replicas are reserved until it ends ({@link FreePorts}).
 */
public final class LocalBackend implements Backend {
    /** Preflight checks names before a run id exists; any 6 hex characters give names of the same length. */
    private static final String PREFLIGHT_RUN_ID = "000000";

    private final LocalProcesses processes;
    private final ReferenceValues references;

    /** How often a trial's processes and GPUs are sampled by default (docs/local.md, "Telemetry"). */
    public static final Duration TELEMETRY_INTERVAL = Duration.ofSeconds(1);

    /** How long a terminated replica may take to exit before it is killed, by default. */
    public static final Duration KILL_GRACE = Duration.ofSeconds(10);

    /** A backend using this process's environment, a 10 s grace between SIGTERM and SIGKILL, and telemetry. */
    public LocalBackend() {
        this(System.getenv(), KILL_GRACE);
    }

    /** A backend that samples telemetry every {@link #TELEMETRY_INTERVAL}; references resolve from {@code hostEnv}. */
    public LocalBackend(Map<String, String> hostEnv, Duration killGrace) {
        this(hostEnv, killGrace, TELEMETRY_INTERVAL, ReferenceValues.of(hostEnv));
    }

    /** A backend whose references ({@code valueFrom}) resolve from {@code hostEnv}. */
    public LocalBackend(Map<String, String> hostEnv, Duration killGrace, Duration telemetryInterval) {
        this(hostEnv, killGrace, telemetryInterval, ReferenceValues.of(hostEnv));
    }

    /**
     * A backend using this process's environment, a 10 s grace, telemetry, and {@code references} for
     * {@code valueFrom} values ({@code --secret-env-file}).
     */
    public LocalBackend(ReferenceValues references) {
        this(System.getenv(), KILL_GRACE, TELEMETRY_INTERVAL, references);
    }

    /**
     * @param hostEnv           the environment replicas inherit (minus operator variable names); {@code PATH} is
     *                          searched for commands (and {@code nvidia-smi}) and
     *                          {@value ReplicaLaunch#PYTHON_VARIABLE} names the Python to use
     * @param killGrace         how long a terminated replica may take to exit before it is killed, at least 0
     * @param telemetryInterval how often each trial's process trees and GPUs are sampled; zero turns sampling off
     *                          ({@code kubebench run --no-telemetry})
     * @param references        where {@code secretKeyRef}, {@code configMapKeyRef} and {@code fieldRef} values come
     *                          from
     */
    public LocalBackend(Map<String, String> hostEnv, Duration killGrace, Duration telemetryInterval,
                        ReferenceValues references) {
        this.references = Objects.requireNonNull(references, "references");
        if (killGrace.isNegative()) {
            throw new IllegalArgumentException("killGrace must not be negative");
        }
        if (telemetryInterval.isNegative()) {
            throw new IllegalArgumentException("telemetryInterval must not be negative");
        }
        this.processes = new LocalProcesses(hostEnv, killGrace, telemetryInterval);
    }

    @Override
    public String name() {
        return "local";
    }

    /** The job name a trial's replicas are named after, as on a cluster ({@link JobNames#jobName}). */
    public static String jobName(Trial trial, String runId) {
        return JobNames.jobName(trial.benchmark().metadata().name(), runId, trial.index());
    }

    @Override
    public void preflight(BenchmarkPlan plan) {
        List<String> problems = new ArrayList<>();
        for (Trial trial : plan.trials()) {
            BenchmarkSpec spec = trial.benchmark().spec();
            JobSpec job = spec.job();
            String where = "trial " + trial.index() + ": ";
            boolean localCommand = spec.local() != null && !spec.local().command().isEmpty();
            if (!localCommand && job.command().isEmpty()) {
                problems.add(where + "job.command is empty (the image's entrypoint cannot run on this host): "
                        + "set local.command");
            }
            if (OperatorEnvironment.replicasOf(jobName(trial, PREFLIGHT_RUN_ID), job).isEmpty()) {
                problems.add(where + "job.replicas: none of " + job.kind().kindName() + "'s replica types ("
                        + String.join(", ", job.kind().replicaTypes()) + ") has a replica to run");
            }
            job.files().forEach((name, path) -> {
                if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                    problems.add(where + "job.files." + name + ": cannot read " + path);
                }
            });
            List<String> argv = ReplicaLaunch.command(spec);
            if (!argv.isEmpty()) {
                String program = python(argv.get(0));
                if (!program.contains("$(") && !program.contains("/") && processes.findOnPath(program) == null) {
                    problems.add(where + "command " + program + " is not on PATH"
                            + (program.startsWith("python") || program.equals("torchrun")
                            ? " (set " + ReplicaLaunch.PYTHON_VARIABLE + " to a Python that has torch)" : ""));
                }
            }
        }
        try {
            references.check(plan);
        } catch (KubebenchException e) {
            problems.addAll(e.problems());
        }
        List<String> distinct = problems.stream().distinct().collect(Collectors.toList());
        if (!distinct.isEmpty()) {
            throw new KubebenchException(Failure.INVALID_INPUT, distinct, null);
        }
    }

    private String python(String program) {
        String python = processes.hostEnv().get(ReplicaLaunch.PYTHON_VARIABLE);
        boolean pythonic = program.equals("python3") || program.equals("python") || program.equals("torchrun");
        return pythonic && python != null && !python.isBlank() ? python : program;
    }

    /**
     * The secret values this backend hands to replicas: every value of {@code --secret-env-file} and what the plan's
     * {@code secretKeyRef}s resolve to, for the run's redactor.
     *
     * @throws KubebenchException INVALID_INPUT when a reference cannot be resolved
     */
    public Set<String> secretValues(BenchmarkPlan plan) {
        return references.check(plan);
    }

    @Override
    public TrialOutcome runTrial(Trial trial, TrialContext context) throws InterruptedException {
        String jobName = jobName(trial, context.runId());
        return TrialLifecycle.run(context, trial.benchmark().spec().timeout(),
                startedAt -> new LocalTrial(processes, references, context, trial, jobName, startedAt));
    }

    /** Kills every process this backend still runs (of any run); returns how many replicas were stopped. */
    @Override
    public int cleanup(String runId) {
        return processes.stopAll();
    }

    @Override
    public void close() {
        cleanup(null);
    }
}
