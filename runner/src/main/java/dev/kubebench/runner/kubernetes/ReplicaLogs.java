package dev.kubebench.runner.kubernetes;

import dev.kubebench.core.timeline.EventKind;

import dev.kubebench.runner.ProgressListener;
import dev.kubebench.runner.Timeline;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Streams every replica container's log into {@code logs/<pod>.log} ({@code <pod>.<container>.log} for a pod's
 * further containers) while the job runs: one follow request per container instance, started when the container
 * has started, and a new one after each restart with a marker line between the instances. Lines go to the
 * progress listener; the trial's first line is recorded as {@code first_log_line}. Lines reach the files whole
 * ({@link LineOutput}).
 */
final class ReplicaLogs implements AutoCloseable {
    private final KubernetesClient client;
    private final String namespace;
    private final Path logsDir;
    private final Timeline timeline;
    private final ProgressListener progress;
    private final Clock clock;
    /** pod/container → restart count of the instance being (or last) streamed. */
    private final Map<String, Integer> streamed = new HashMap<>();
    private final Map<String, LineOutput> outputs = new HashMap<>();
    private final List<LogWatch> watches = new ArrayList<>();
    private boolean firstLine;
    private boolean closed;

    ReplicaLogs(KubernetesClient client, String namespace, Path logsDir, Timeline timeline, ProgressListener progress,
                Clock clock) {
        this.client = client;
        this.namespace = namespace;
        this.logsDir = logsDir;
        this.timeline = timeline;
        this.progress = progress;
        this.clock = clock;
    }

    /** Starts streams for containers of this pod that have started since the last look. */
    synchronized void observe(Pod pod) {
        if (closed || pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null || pod.getSpec() == null) {
            return;
        }
        List<Container> containers = pod.getSpec().getContainers();
        String podName = pod.getMetadata().getName();
        for (ContainerStatus cs : pod.getStatus().getContainerStatuses()) {
            ContainerState state = cs.getState();
            if (state == null || (state.getRunning() == null && state.getTerminated() == null)) {
                continue;
            }
            int restarts = cs.getRestartCount() == null ? 0 : cs.getRestartCount();
            String key = podName + "/" + cs.getName();
            Integer previous = streamed.get(key);
            if (previous != null && previous >= restarts) {
                continue;
            }
            streamed.put(key, restarts);
            boolean primary = !containers.isEmpty() && containers.get(0).getName().equals(cs.getName());
            start(podName, cs.getName(), primary, previous == null ? null : restarts);
        }
    }

    private void start(String pod, String container, boolean primary, Integer restart) {
        String key = pod + "/" + container;
        try {
            LineOutput out = outputs.get(key);
            if (out == null) {
                Files.createDirectories(logsDir);
                Path file = logsDir.resolve(primary ? pod + ".log" : pod + "." + container + ".log");
                out = new LineOutput(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                        line -> line(pod, line));
                outputs.put(key, out);
            }
            if (restart != null) {
                out.marker("container " + container + " restarted (restart " + restart + ") at " + clock.instant());
            }
            watches.add(client.pods().inNamespace(namespace).withName(pod).inContainer(container)
                    .withReadyWaitTimeout(0).watchLog(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(String pod, String line) {
        boolean first;
        synchronized (this) {
            first = !firstLine;
            firstLine = true;
        }
        if (first) {
            timeline.record(EventKind.FIRST_LOG_LINE, pod, null);
        }
        progress.logLine(pod, line);
    }

    /** Waits up to {@code max} for the open streams to reach their end (containers that have exited). */
    void drain(Duration max) throws InterruptedException {
        List<CompletableFuture<Throwable>> ends = new ArrayList<>();
        synchronized (this) {
            for (LogWatch w : watches) {
                ends.add(w.onClose().toCompletableFuture());
            }
        }
        try {
            CompletableFuture.allOf(ends.toArray(new CompletableFuture<?>[0])).get(max.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // a stream that does not end (a sidecar still running) is closed by close(); what arrived is kept
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (LogWatch w : watches) {
            w.close();
        }
        for (LineOutput out : outputs.values()) {
            try {
                out.close();
            } catch (IOException e) {
                // the log file is best effort once the trial has ended
            }
        }
        watches.clear();
        outputs.clear();
    }
}
