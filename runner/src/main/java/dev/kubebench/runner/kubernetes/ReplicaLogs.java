package dev.kubebench.runner.kubernetes;

import dev.kubebench.core.timeline.EventKind;
import dev.kubebench.runner.ProgressListener;
import dev.kubebench.runner.Timeline;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Streams every replica container's log into {@code logs/<pod>.log} ({@code <pod>.<container>.log} for a pod's
 * further containers) while the job runs: one follow request per container instance, started when the container
 * has started, and a new one after each restart, or when the pod was re-created under the same name (a new uid),
 * with a marker line between the instances. Lines go to the progress listener; the trial's first line is recorded
 * as {@code first_log_line}. Lines reach the files whole ({@link LineOutput}).
 *
 * <p>Before the pods are deleted, {@link #complete} makes each ended container's log whole: a stream that is still
 * open after the drain (a log that trickles) or that ended early is closed, and the rest is read once without
 * following, compared by length with what arrived. What cannot be read is recorded as {@code log_incomplete}.
 */
final class ReplicaLogs implements AutoCloseable {
    private final KubernetesClient client;
    private final String namespace;
    private final Path logsDir;
    private final Timeline timeline;
    private final ProgressListener progress;
    private final Clock clock;
    private final ApiRetry retry;
    /** pod name/container → the instance being (or last) streamed. */
    private final Map<String, Instance> latest = new LinkedHashMap<>();
    private final Map<String, LineOutput> outputs = new HashMap<>();
    private final List<Instance> instances = new ArrayList<>();
    /** Set by the first line of any replica; lines arrive on fabric8's threads and take no lock of this class. */
    private final AtomicBoolean firstLine = new AtomicBoolean();
    private boolean closed;

    /** One container instance's stream: which pod incarnation and restart, and how many bytes arrived. */
    private static final class Instance extends OutputStream {
        final String pod;
        final String uid;
        final String container;
        final int restart;
        final LineOutput out;
        LogWatch watch;
        long bytes;
        boolean ended;
        boolean sealed;

        Instance(String pod, String uid, String container, int restart, LineOutput out) {
            this.pod = pod;
            this.uid = uid;
            this.container = container;
            this.restart = restart;
            this.out = out;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            if (!sealed) {
                bytes += len;
                out.write(b, off, len);
            }
        }

        /** Stops taking bytes from the stream; returns how many arrived. */
        synchronized long seal() {
            sealed = true;
            return bytes;
        }
    }

    ReplicaLogs(KubernetesClient client, String namespace, Path logsDir, Timeline timeline, ProgressListener progress,
                Clock clock, ApiRetry retry) {
        this.client = client;
        this.namespace = namespace;
        this.logsDir = logsDir;
        this.timeline = timeline;
        this.progress = progress;
        this.clock = clock;
        this.retry = retry;
    }

    /** Starts streams for containers of this pod that have started since the last look. */
    synchronized void observe(Pod pod) {
        if (closed || pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null || pod.getSpec() == null) {
            return;
        }
        List<Container> containers = pod.getSpec().getContainers();
        String podName = pod.getMetadata().getName();
        String uid = pod.getMetadata().getUid() == null ? podName : pod.getMetadata().getUid();
        for (ContainerStatus cs : pod.getStatus().getContainerStatuses()) {
            ContainerState state = cs.getState();
            if (state == null || (state.getRunning() == null && state.getTerminated() == null)) {
                continue;
            }
            int restarts = cs.getRestartCount() == null ? 0 : cs.getRestartCount();
            String key = podName + "/" + cs.getName();
            Instance previous = latest.get(key);
            if (previous != null && previous.uid.equals(uid) && previous.restart >= restarts) {
                previous.ended |= state.getTerminated() != null && previous.restart == restarts;
                continue;
            }
            boolean primary = !containers.isEmpty() && containers.get(0).getName().equals(cs.getName());
            String marker = previous == null ? null : !previous.uid.equals(uid)
                    ? "pod " + podName + " was re-created (uid " + uid + "); its log follows"
                    : "container " + cs.getName() + " restarted (restart " + restarts + ")";
            Instance started = start(podName, uid, cs.getName(), restarts, primary, marker);
            started.ended = state.getTerminated() != null;
        }
    }

    private Instance start(String pod, String uid, String container, int restart, boolean primary, String marker) {
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
            Instance previous = latest.get(key);
            if (previous != null) {
                previous.seal();
            }
            if (marker != null) {
                out.marker(marker + " at " + clock.instant());
            }
            Instance instance = new Instance(pod, uid, container, restart, out);
            instance.watch = client.pods().inNamespace(namespace).withName(pod).inContainer(container)
                    .withReadyWaitTimeout(0).watchLog(instance);
            latest.put(key, instance);
            instances.add(instance);
            return instance;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A complete line from a stream, called with its {@link LineOutput}'s lock held: so it takes no lock of this
     * class, which {@link #close} holds while it closes the outputs (a lock-order inversion hung the trial's thread).
     */
    private void line(String pod, String line) {
        if (firstLine.compareAndSet(false, true)) {
            timeline.record(EventKind.FIRST_LOG_LINE, pod, null);
        }
        progress.logLine(pod, line);
    }

    /** Waits up to {@code max} for the open streams to reach their end (containers that have exited). */
    void drain(Duration max) throws InterruptedException {
        List<CompletableFuture<Throwable>> ends = new ArrayList<>();
        synchronized (this) {
            for (Instance i : instances) {
                ends.add(i.watch.onClose().toCompletableFuture());
            }
        }
        try {
            CompletableFuture.allOf(ends.toArray(new CompletableFuture<?>[0])).get(max.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // a stream that does not end (a sidecar still running) is closed by close(); what arrived is kept
        }
    }

    /**
     * Makes the log of each container's last instance whole, after {@link #drain}: of every ended one, or of every
     * one when {@code all} (the job succeeded, so all have ended, whatever the watch saw). One short read per
     * container checks the last line; only a log that differs is read in full and its missing end appended.
     */
    void complete(boolean all) {
        List<Instance> check;
        synchronized (this) {
            check = latest.values().stream().filter(i -> all || i.ended).toList();
        }
        for (Instance i : check) {
            long have = i.seal();
            i.watch.close();
            try {
                String tail = read(i, true);
                if (!tail.isEmpty() && !i.out.endsWith(lastLine(tail))) {
                    byte[] full = read(i, false).getBytes(StandardCharsets.UTF_8);
                    if (full.length > have) {
                        i.out.write(full, (int) have, full.length - (int) have);
                    }
                }
            } catch (KubernetesClientException | IOException e) {
                timeline.record(EventKind.LOG_INCOMPLETE, i.pod, "container " + i.container
                        + ": the log may miss its end; reading it again failed: " + KubernetesClients.oneLine(e));
            }
        }
    }

    private String read(Instance i, boolean lastLineOnly) {
        return retry.call(() -> {
            var log = client.pods().inNamespace(namespace).withName(i.pod).inContainer(i.container);
            String text = lastLineOnly ? log.tailingLines(1).getLog() : log.getLog();
            return text == null ? "" : text;
        });
    }

    private static String lastLine(String text) {
        String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return t.substring(t.lastIndexOf('\n') + 1);
    }

    /** Stops every stream and closes the files; the outputs are closed outside this object's lock (see {@link #line}). */
    @Override
    public void close() {
        List<Instance> streams;
        List<LineOutput> files;
        synchronized (this) {
            closed = true;
            streams = new ArrayList<>(instances);
            files = new ArrayList<>(outputs.values());
            instances.clear();
            latest.clear();
            outputs.clear();
        }
        for (Instance i : streams) {
            i.watch.close();
        }
        for (LineOutput out : files) {
            try {
                out.close();
            } catch (IOException e) {
                // the log file is best effort once the trial has ended
            }
        }
    }
}
