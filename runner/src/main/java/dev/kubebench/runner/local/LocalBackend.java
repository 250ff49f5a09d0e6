package dev.kubebench.runner.local;

import dev.kubebench.core.timeline.EventKind;

import dev.kubebench.core.trial.TrialState;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.catalog.plan.BenchmarkPlan;
import dev.kubebench.catalog.plan.JobNames;
import dev.kubebench.catalog.plan.Trial;
import dev.kubebench.catalog.spec.BenchmarkSpec;
import dev.kubebench.catalog.spec.JobKind;
import dev.kubebench.catalog.spec.JobSpec;
import dev.kubebench.runner.Backend;
import dev.kubebench.core.trial.FailureCause;
import dev.kubebench.runner.TrialContext;
import dev.kubebench.core.trial.TrialOutcome;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs each replica of a trial's job as a process on this machine, with the environment the job's operator would
 * inject ({@link OperatorEnvironment}) and {@code $(VAR)} expansion as the kubelet does it ({@link ReplicaLaunch}).
 *
 * <p>Per trial: the spec's {@code job.files} are copied to {@code trials/<n>/files} (also the working directory and
 * {@code $KUBEBENCH_FILES_DIR}); each replica's combined output goes to {@code trials/<n>/logs/<pod>.log}. The job
 * succeeds when every replica that decides success ({@link OperatorEnvironment#decidesSuccess}) exits 0; the first
 * replica to exit non-zero fails it ({@link FailureCause#EXIT_CODE}, reason with its log tail); past the spec's
 * timeout it is {@code TIMED_OUT}. In every case, and on interrupt, all process trees are terminated (SIGTERM, then
 * SIGKILL after the grace period) before the method returns or throws. Replicas run in their own session
 * ({@code setsid}, where available) so a terminal's Ctrl-C reaches kubebench, which then stops them in order,
 * rather than the replicas directly.
 *
 * <p>Trials may run concurrently (one {@code runTrial} per thread): each keeps its processes to itself, and the ports
 * handed to one trial's replicas are reserved until it ends ({@link FreePorts}).
 */
public final class LocalBackend implements Backend {
    /** Preflight checks names before a run id exists; any 6 hex characters give names of the same length. */
    private static final String PREFLIGHT_RUN_ID = "000000";

    /** Variables a replica must not inherit from the host: they would mislead distributed setup. */
    private static final Set<String> OPERATOR_NAMES = Set.of("MASTER_ADDR", "MASTER_PORT", "WORLD_SIZE", "RANK",
            "LOCAL_RANK", "LOCAL_WORLD_SIZE", "GROUP_RANK", "ROLE_RANK", "TF_CONFIG", "COORDINATOR_ADDRESS",
            "COORDINATOR_PORT", "NUM_PROCESSES", "PROCESS_ID", "WORKER_PORT", "WORKER_ADDRS", "JOB_COMPLETION_INDEX",
            "K_MPI_JOB_ROLE", "POD_IP_DUMMY");
    private static final List<String> OPERATOR_PREFIXES = List.of("PET_", "PADDLE_", "JAX_", "DMLC_", "OMPI_MCA_",
            "TORCHELASTIC_", "KUBEBENCH_RUN_ID", "KUBEBENCH_TRIAL", "KUBEBENCH_FILES_DIR");
    /** How long the other replicas may take to exit on their own once the job has succeeded. */
    private static final Duration SUCCESS_LINGER = Duration.ofSeconds(10);
    private static final Duration LOG_DRAIN = Duration.ofSeconds(5);

    private final Map<String, String> hostEnv;
    private final Duration killGrace;
    private final String setsid;
    private final Set<ReplicaProcess> live = ConcurrentHashMap.newKeySet();

    /** A backend using this process's environment and a 10 s grace between SIGTERM and SIGKILL. */
    public LocalBackend() {
        this(System.getenv(), Duration.ofSeconds(10));
    }

    /**
     * @param hostEnv   the environment replicas inherit (minus operator variable names); {@code PATH} is searched
     *                  for commands and {@value ReplicaLaunch#PYTHON_VARIABLE} names the Python to use
     * @param killGrace how long a terminated replica may take to exit before it is killed, at least 0
     */
    public LocalBackend(Map<String, String> hostEnv, Duration killGrace) {
        this.hostEnv = Map.copyOf(hostEnv);
        if (killGrace.isNegative()) {
            throw new IllegalArgumentException("killGrace must not be negative");
        }
        this.killGrace = killGrace;
        this.setsid = findOnPath("setsid");
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
                if (!program.contains("$(") && !program.contains("/") && findOnPath(program) == null) {
                    problems.add(where + "command " + program + " is not on PATH"
                            + (program.startsWith("python") || program.equals("torchrun")
                            ? " (set " + ReplicaLaunch.PYTHON_VARIABLE + " to a Python that has torch)" : ""));
                }
            }
        }
        List<String> distinct = problems.stream().distinct().collect(Collectors.toList());
        if (!distinct.isEmpty()) {
            throw new KubebenchException(Failure.INVALID_INPUT, distinct, null);
        }
    }

    private String python(String program) {
        String python = hostEnv.get(ReplicaLaunch.PYTHON_VARIABLE);
        boolean pythonic = program.equals("python3") || program.equals("python") || program.equals("torchrun");
        return pythonic && python != null && !python.isBlank() ? python : program;
    }

    @Override
    public TrialOutcome runTrial(Trial trial, TrialContext context) throws InterruptedException {
        JobSpec job = trial.benchmark().spec().job();
        String jobName = jobName(trial, context.runId());
        Instant startedAt = context.clock().instant();
        List<Replica> replicas = OperatorEnvironment.replicasOf(jobName, job);
        Path hostfile = job.kind() == JobKind.MPI_JOB ? context.trialDir().resolve("mpi").resolve("hostfile") : null;
        Map<String, Integer> ports = new HashMap<>();
        List<Integer> free = FreePorts.allocate(replicas.size());
        try {
            for (int i = 0; i < replicas.size(); i++) {
                ports.put(replicas.get(i).pod(), free.get(i));
            }
            return runReplicas(trial, context, replicas, ports, hostfile, startedAt);
        } finally {
            FreePorts.release(free);
        }
    }

    private TrialOutcome runReplicas(Trial trial, TrialContext context, List<Replica> replicas,
                                     Map<String, Integer> ports, Path hostfile, Instant startedAt)
            throws InterruptedException {
        BenchmarkSpec spec = trial.benchmark().spec();
        JobSpec job = spec.job();
        String jobName = jobName(trial, context.runId());
        Path filesDir = context.trialDir().resolve("files");
        OperatorEnvironment operator = new OperatorEnvironment(jobName, job, ports, hostfile);
        try {
            Files.createDirectories(context.logsDir());
            Files.createDirectories(filesDir);
            for (Map.Entry<String, Path> file : job.files().entrySet()) {
                Files.copy(file.getValue(), filesDir.resolve(file.getKey()), StandardCopyOption.REPLACE_EXISTING);
            }
            if (hostfile != null) {
                Files.createDirectories(hostfile.getParent());
                Files.writeString(hostfile, operator.mpiHostfileContent(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + context.trialDir(), e);
        }

        context.timeline().record(EventKind.SUBMITTED, null, jobName);
        context.progress().phase("starting");
        List<ReplicaProcess> started = new ArrayList<>();
        BlockingQueue<ReplicaProcess> exits = new LinkedBlockingQueue<>();
        try {
            for (Replica replica : replicas) {
                ReplicaLaunch launch = ReplicaLaunch.of(spec, operator, replica, context.runId(), trial.index(),
                        filesDir, hostEnv);
                ReplicaProcess process;
                try {
                    process = ReplicaProcess.start(replica, processBuilder(launch, filesDir),
                            context.logsDir().resolve(replica.pod() + ".log"), context.timeline(), context.progress());
                } catch (IOException e) {
                    String reason = "replica " + replica.pod() + " could not start " + launch.argv().get(0) + ": "
                            + e.getMessage();
                    return finish(context, started, new TrialOutcome(TrialState.FAILED,
                            FailureCause.JOB_FAILED, reason, startedAt, context.clock().instant()));
                }
                started.add(process);
                live.add(process);
                context.timeline().record(EventKind.POD_STARTED, replica.pod(), "pid " + process.process().pid());
                process.process().onExit().thenRun(() -> exits.add(process));
            }
            context.progress().phase("running");
            context.progress().replicas(started.size(), replicas.size());
            TrialOutcome outcome = await(context, operator, started, exits, spec.timeout(), startedAt);
            return finish(context, started, outcome);
        } catch (InterruptedException e) {
            finish(context, started, new TrialOutcome(TrialState.INTERRUPTED, FailureCause.INTERRUPTED,
                    "interrupted", startedAt, context.clock().instant()));
            throw e;
        } catch (RuntimeException | Error e) {
            stop(started);
            throw e;
        }
    }

    private TrialOutcome await(TrialContext context, OperatorEnvironment operator, List<ReplicaProcess> started,
                               BlockingQueue<ReplicaProcess> exits, Duration timeout, Instant startedAt)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<ReplicaProcess> deciding = new HashSet<>();
        for (ReplicaProcess process : started) {
            if (operator.decidesSuccess(process.replica())) {
                deciding.add(process);
            }
        }
        int running = started.size();
        while (true) {
            long remaining = deadline - System.nanoTime();
            ReplicaProcess exited = remaining > 0 ? exits.poll(remaining, TimeUnit.NANOSECONDS) : null;
            if (exited == null) {
                return new TrialOutcome(TrialState.TIMED_OUT, FailureCause.TIMEOUT,
                        "trial exceeded its timeout of " + format(timeout) + "; " + running + " of "
                                + started.size() + " replicas still running", startedAt, context.clock().instant());
            }
            running--;
            int code = exited.process().exitValue();
            context.timeline().record(EventKind.POD_EXITED, exited.replica().pod(), "exit code " + code);
            context.progress().replicas(running, started.size());
            if (code != 0) {
                exited.awaitLog(LOG_DRAIN);
                List<String> tail = exited.tail();
                String reason = "replica " + exited.replica().pod() + " exited with code " + code
                        + (tail.isEmpty() ? " (no output)" : ": " + String.join(" | ", tail));
                return new TrialOutcome(TrialState.FAILED, FailureCause.EXIT_CODE, reason, startedAt,
                        context.clock().instant());
            }
            deciding.remove(exited);
            if (deciding.isEmpty()) {
                lingerForOthers(exits, running);
                return new TrialOutcome(TrialState.SUCCEEDED, FailureCause.NONE, null, startedAt,
                        context.clock().instant());
            }
        }
    }

    /** Gives replicas that are not needed for success (workers finishing their last barrier) a moment to exit. */
    private static void lingerForOthers(BlockingQueue<ReplicaProcess> exits, int running)
            throws InterruptedException {
        long deadline = System.nanoTime() + SUCCESS_LINGER.toNanos();
        for (int left = running; left > 0; left--) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0 || exits.poll(remaining, TimeUnit.NANOSECONDS) == null) {
                return;
            }
        }
    }

    private TrialOutcome finish(TrialContext context, List<ReplicaProcess> started, TrialOutcome outcome) {
        stop(started);
        context.progress().replicas(0, started.size());
        context.progress().phase(outcome.state().name().toLowerCase(Locale.ROOT));
        context.timeline().record(EventKind.FINISHED, null,
                outcome.state().jsonName() + (outcome.reason() == null ? "" : ": " + outcome.reason()));
        return outcome;
    }

    /** Terminates every process tree of the trial and waits for their logs. Safe to call more than once. */
    private void stop(List<ReplicaProcess> started) {
        ProcessTrees.terminate(started.stream().map(p -> p.process().toHandle()).collect(Collectors.toList()),
                killGrace);
        for (ReplicaProcess process : started) {
            process.awaitLog(LOG_DRAIN);
            live.remove(process);
        }
    }

    private ProcessBuilder processBuilder(ReplicaLaunch launch, Path workDir) {
        List<String> command = new ArrayList<>();
        if (setsid != null) {
            command.add(setsid);
        }
        command.addAll(launch.argv());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        hostEnv.forEach((name, value) -> {
            if (!isOperatorName(name)) {
                env.put(name, value);
            }
        });
        env.putAll(launch.env());
        return builder;
    }

    /** True for names the operators (or kubebench) set, which a replica must not inherit from the host. */
    static boolean isOperatorName(String name) {
        return OPERATOR_NAMES.contains(name) || OPERATOR_PREFIXES.stream().anyMatch(name::startsWith);
    }

    private String findOnPath(String program) {
        String path = hostEnv.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static String format(Duration d) {
        long s = d.toSeconds();
        return s % 3600 == 0 && s > 0 ? s / 3600 + "h" : s % 60 == 0 && s > 0 ? s / 60 + "m" : s + "s";
    }

    /** Kills every process this backend still runs (of any run); returns how many replicas were stopped. */
    @Override
    public int cleanup(String runId) {
        List<ReplicaProcess> all = new ArrayList<>(live);
        stop(all);
        return all.size();
    }

    @Override
    public void close() {
        cleanup(null);
    }
}
