package dev.kubebench.runner.local;

import dev.kubebench.catalog.plan.Trial;
import dev.kubebench.catalog.spec.BenchmarkSpec;
import dev.kubebench.catalog.spec.JobKind;
import dev.kubebench.catalog.spec.JobSpec;
import dev.kubebench.core.io.AtomicFiles;
import dev.kubebench.core.timeline.EventKind;
import dev.kubebench.core.trial.FailureCause;
import dev.kubebench.core.trial.TrialOutcome;
import dev.kubebench.runner.Outcomes;
import dev.kubebench.runner.TrialContext;
import dev.kubebench.runner.TrialReplicas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One trial's replicas as processes on this host. They start with the spec's {@code job.files} copied to
 * {@code trials/<n>/files} (also their working directory), are watched through their exits, and are stopped by
 * terminating their process trees. The job succeeds when every replica that decides success
 * ({@link OperatorEnvironment#decidesSuccess}) exits 0; the first replica to exit non-zero fails it
 * ({@link FailureCause#EXIT_CODE}, reason with its log tail). The ports handed to its replicas stay reserved until
 * {@link #close()} ({@link FreePorts}).
 */
final class LocalTrial implements TrialReplicas {
    /** How long the other replicas may take to exit on their own once the job has succeeded. */
    private static final Duration SUCCESS_LINGER = Duration.ofSeconds(10);

    private final LocalProcesses processes;
    private final ReferenceValues references;
    private final TrialContext context;
    private final Trial trial;
    private final String jobName;
    private final Instant startedAt;
    private final List<Replica> replicas;
    private final List<Integer> ports;
    private final Path hostfile;
    private final OperatorEnvironment operator;
    private final List<ReplicaProcess> started = new ArrayList<>();
    private final BlockingQueue<ReplicaProcess> exits = new LinkedBlockingQueue<>();
    private int running;
    private LocalTelemetry telemetry;

    LocalTrial(LocalProcesses processes, ReferenceValues references, TrialContext context, Trial trial, String jobName,
               Instant startedAt) {
        this.processes = processes;
        this.references = references;
        this.context = context;
        this.trial = trial;
        this.jobName = jobName;
        this.startedAt = startedAt;
        JobSpec job = trial.benchmark().spec().job();
        this.replicas = OperatorEnvironment.replicasOf(jobName, job);
        this.hostfile = job.kind() == JobKind.MPI_JOB ? context.trialDir().resolve("mpi").resolve("hostfile") : null;
        this.ports = FreePorts.allocate(replicas.size());
        Map<String, Integer> portByPod = new HashMap<>();
        for (int i = 0; i < replicas.size(); i++) {
            portByPod.put(replicas.get(i).pod(), ports.get(i));
        }
        this.operator = new OperatorEnvironment(jobName, job, portByPod, hostfile);
    }

    private Path filesDir() {
        return context.trialDir().resolve("files");
    }

    @Override
    public Optional<TrialOutcome> start() {
        BenchmarkSpec spec = trial.benchmark().spec();
        prepareFiles(spec.job());
        context.timeline().record(EventKind.SUBMITTED, null, jobName);
        context.progress().phase("starting");
        for (Replica replica : replicas) {
            ReplicaLaunch launch = ReplicaLaunch.of(spec, operator, replica, context.runId(), trial.index(),
                    filesDir(), processes.hostEnv(), references);
            ReplicaProcess process;
            try {
                process = processes.start(replica, launch, filesDir(),
                        context.logsDir().resolve(replica.pod() + ".log"), context.timeline(), context.progress());
            } catch (IOException e) {
                return Optional.of(Outcomes.failed(FailureCause.JOB_FAILED, "replica " + replica.pod()
                        + " could not start " + launch.argv().get(0) + ": " + e.getMessage(), startedAt,
                        context.clock().instant()));
            }
            started.add(process);
            context.timeline().record(EventKind.POD_STARTED, replica.pod(), "pid " + process.process().pid());
            process.process().onExit().thenRun(() -> exits.add(process));
        }
        running = started.size();
        if (processes.sampling()) {
            telemetry = LocalTelemetry.start(context.trialDir(),
                    started.stream().map(p -> p.process().pid()).toList(), processes.telemetryInterval(),
                    processes.findOnPath(NvidiaSmi.PROGRAM), context.clock(), jobName);
        }
        context.progress().phase("running");
        context.progress().replicas(started.size(), replicas.size());
        return Optional.empty();
    }

    /** Copies the shipped files and writes the MPI hostfile, each atomically. */
    private void prepareFiles(JobSpec job) {
        try {
            Files.createDirectories(context.logsDir());
            Files.createDirectories(filesDir());
            for (Map.Entry<String, Path> file : job.files().entrySet()) {
                AtomicFiles.write(filesDir().resolve(file.getKey()), Files.readAllBytes(file.getValue()));
            }
            if (hostfile != null) {
                AtomicFiles.writeString(hostfile, operator.mpiHostfileContent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + context.trialDir(), e);
        }
    }

    @Override
    public Optional<TrialOutcome> awaitEnd(long deadlineNanos) throws InterruptedException {
        Set<ReplicaProcess> deciding = new HashSet<>();
        for (ReplicaProcess process : started) {
            if (operator.decidesSuccess(process.replica())) {
                deciding.add(process);
            }
        }
        while (true) {
            long remaining = deadlineNanos - System.nanoTime();
            ReplicaProcess exited = remaining > 0 ? exits.poll(remaining, TimeUnit.NANOSECONDS) : null;
            if (exited == null) {
                return Optional.empty();
            }
            running--;
            int code = exited.process().exitValue();
            context.timeline().record(EventKind.POD_EXITED, exited.replica().pod(), "exit code " + code);
            context.progress().replicas(running, started.size());
            if (code != 0) {
                exited.awaitLog(LocalProcesses.LOG_DRAIN);
                List<String> tail = exited.tail();
                String reason = "replica " + exited.replica().pod() + " exited with code " + code
                        + (tail.isEmpty() ? " (no output)" : ": " + String.join(" | ", tail));
                return Optional.of(Outcomes.failed(FailureCause.EXIT_CODE, reason, startedAt,
                        context.clock().instant()));
            }
            deciding.remove(exited);
            if (deciding.isEmpty()) {
                lingerForOthers();
                return Optional.of(Outcomes.succeeded(startedAt, context.clock().instant()));
            }
        }
    }

    /** Gives replicas that are not needed for success (workers finishing their last barrier) a moment to exit. */
    private void lingerForOthers() throws InterruptedException {
        long deadline = System.nanoTime() + SUCCESS_LINGER.toNanos();
        for (int left = running; left > 0; left--) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0 || exits.poll(remaining, TimeUnit.NANOSECONDS) == null) {
                return;
            }
        }
    }

    @Override
    public String stillRunning() {
        return running + " of " + started.size() + " replicas still running";
    }

    @Override
    public void stop(TrialOutcome outcome) {
        finishTelemetry();
        processes.stop(started);
        context.progress().replicas(0, started.size());
        if (outcome != null) {
            context.progress().phase(outcome.state().jsonName());
        }
    }

    /**
     * Ends sampling with a last look at the replicas while they may still run (a timeout, an interrupt). Telemetry
     * is best effort: a file it cannot write leaves the trial without telemetry and never keeps the replicas from
     * being stopped.
     */
    private void finishTelemetry() {
        if (telemetry != null) {
            try {
                telemetry.finish();
            } catch (UncheckedIOException unwritable) {
                // the collector finds no local-telemetry.json: the result has no telemetry metrics
            }
        }
    }

    @Override
    public void close() {
        try {
            finishTelemetry();
        } finally {
            FreePorts.release(ports);
        }
    }
}
