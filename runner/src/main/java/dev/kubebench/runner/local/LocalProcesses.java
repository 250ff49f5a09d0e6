package dev.kubebench.runner.local;

import dev.kubebench.runner.ProgressListener;
import dev.kubebench.runner.Timeline;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Starting and stopping replica processes on this host: the environment they inherit (the host's minus the names the
 * operators set), their own session ({@code setsid}, where available, so a terminal's Ctrl-C reaches kubebench, which
 * then stops them in order) and every process still running, across trials, for {@code cleanup}. Thread-safe.
 */
final class LocalProcesses {
    /** Variables a replica must not inherit from the host: they would mislead distributed setup. */
    private static final Set<String> OPERATOR_NAMES = Set.of("MASTER_ADDR", "MASTER_PORT", "WORLD_SIZE", "RANK",
            "LOCAL_RANK", "LOCAL_WORLD_SIZE", "GROUP_RANK", "ROLE_RANK", "TF_CONFIG", "COORDINATOR_ADDRESS",
            "COORDINATOR_PORT", "NUM_PROCESSES", "PROCESS_ID", "WORKER_PORT", "WORKER_ADDRS", "JOB_COMPLETION_INDEX",
            "K_MPI_JOB_ROLE", "POD_IP_DUMMY");
    private static final List<String> OPERATOR_PREFIXES = List.of("PET_", "PADDLE_", "JAX_", "DMLC_", "OMPI_MCA_",
            "TORCHELASTIC_", "KUBEBENCH_RUN_ID", "KUBEBENCH_TRIAL", "KUBEBENCH_FILES_DIR");
    /** How long a replica's log copy may take to reach the end of its output once the process has exited. */
    static final Duration LOG_DRAIN = Duration.ofSeconds(5);

    private final Map<String, String> hostEnv;
    private final Duration killGrace;
    private final Duration telemetryInterval;
    private final String setsid;
    private final Set<ReplicaProcess> live = ConcurrentHashMap.newKeySet();

    /** @param telemetryInterval how often a trial's processes (and GPUs) are sampled; zero: not at all */
    LocalProcesses(Map<String, String> hostEnv, Duration killGrace, Duration telemetryInterval) {
        this.hostEnv = Map.copyOf(hostEnv);
        this.killGrace = killGrace;
        this.telemetryInterval = telemetryInterval;
        this.setsid = findOnPath("setsid");
    }

    Map<String, String> hostEnv() {
        return hostEnv;
    }

    /** Whether trials sample their processes and GPUs ({@link LocalTelemetry}). */
    boolean sampling() {
        return !telemetryInterval.isZero();
    }

    Duration telemetryInterval() {
        return telemetryInterval;
    }

    /** Starts one replica's process; its combined output goes to {@code log}. */
    ReplicaProcess start(Replica replica, ReplicaLaunch launch, Path workDir, Path log, Timeline timeline,
                         ProgressListener progress) throws IOException {
        ReplicaProcess process = ReplicaProcess.start(replica, processBuilder(launch, workDir), log, timeline,
                progress);
        live.add(process);
        return process;
    }

    /** Terminates the process trees (SIGTERM, SIGKILL after the grace) and waits for their logs. Idempotent. */
    void stop(Collection<ReplicaProcess> processes) {
        ProcessTrees.terminate(processes.stream().map(p -> p.process().toHandle()).collect(Collectors.toList()),
                killGrace);
        for (ReplicaProcess process : processes) {
            process.awaitLog(LOG_DRAIN);
            live.remove(process);
        }
    }

    /** Stops every process still running, of any trial; returns how many replicas were stopped. */
    int stopAll() {
        List<ReplicaProcess> all = new ArrayList<>(live);
        stop(all);
        return all.size();
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

    /** The executable {@code program} on the host's PATH, or null. */
    String findOnPath(String program) {
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
}
