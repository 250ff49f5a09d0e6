package dev.kubebench.runner.local;

import dev.kubebench.core.text.SpreadsheetCells;
import dev.kubebench.core.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local trial's telemetry while it runs: one thread samples the replicas' process trees from /proc every
 * interval ({@link ProcessSampler}), and, when nvidia-smi is on PATH, nvidia-smi samples the host's GPUs
 * ({@link GpuSampler}). {@link #finish} takes a last sample, ends the thread and nvidia-smi, and writes
 * {@value #METRICS_FILE} (the metrics, read by the collector into result.json) and, when GPUs reported,
 * {@value #SERIES_FILE} (one row per GPU per sample, the layout the Prometheus collector writes too).
 */
final class LocalTelemetry implements AutoCloseable {
    static final String METRICS_FILE = "local-telemetry.json";
    static final String SERIES_FILE = "telemetry.csv";
    static final List<String> SERIES_HEADER = List.of("timestamp_ms", "node", "pod", "gpu", "gpu_util_pct",
            "gpu_mem_used_mib", "gpu_power_w");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path trialDir;
    private final Duration interval;
    private final ProcessSampler processes;
    private final GpuSampler gpus;
    private final Thread thread;
    private final List<String> warnings = new ArrayList<>();
    private volatile boolean running = true;
    /** CPU time the sampling thread used, measured by the thread itself when it ends; the cost of sampling. */
    private volatile long samplerCpuNanos;
    private boolean finished;

    private LocalTelemetry(Path trialDir, Duration interval, ProcessSampler processes, GpuSampler gpus,
                           String name) {
        this.trialDir = trialDir;
        this.interval = interval;
        this.processes = processes;
        this.gpus = gpus;
        processes.begin(System.nanoTime());
        this.thread = new Thread(this::loop, "telemetry-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts sampling.
     *
     * @param roots     the replica processes' pids
     * @param nvidiaSmi the nvidia-smi executable, or null when there is none
     * @param name      names the threads (the job name)
     */
    static LocalTelemetry start(Path trialDir, List<Long> roots, Duration interval, String nvidiaSmi, Clock clock,
                                String name) {
        GpuSampler gpus = null;
        List<String> warnings = new ArrayList<>();
        if (nvidiaSmi != null) {
            try {
                gpus = GpuSampler.start(nvidiaSmi, interval, clock, name);
            } catch (IOException e) {
                warnings.add("cannot start " + nvidiaSmi + ": " + e.getMessage());
            }
        }
        LocalTelemetry telemetry = new LocalTelemetry(trialDir, interval, ProcessSampler.forHost(roots), gpus, name);
        telemetry.warnings.addAll(warnings);
        return telemetry;
    }

    private void loop() {
        try {
            long next = System.nanoTime();
            while (running) {
                next += interval.toNanos();
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    TimeUnit.NANOSECONDS.sleep(sleep);
                }
                if (running) {
                    processes.sample(System.nanoTime());
                }
            }
        } catch (InterruptedException stopped) {
            // finish() ends the loop
        } finally {
            samplerCpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        }
    }

    /**
     * Takes the last sample (before the replicas are stopped, when they still run), ends the sampling thread and
     * nvidia-smi and writes the files. Idempotent; interrupts of the caller are kept for after the cleanup.
     */
    void finish() {
        if (finished) {
            return;
        }
        finished = true;
        running = false;
        boolean interrupted = false;
        thread.interrupt();
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        processes.sample(System.nanoTime());
        List<GpuSample> gpuSamples = List.of();
        if (gpus != null) {
            try {
                gpus.stop();
            } catch (InterruptedException e) {
                interrupted = true;
            }
            gpuSamples = gpus.samples();
            if (gpuSamples.isEmpty()) {
                warnings.add("nvidia-smi reported no GPU samples" + (gpus.unreadable() > 0
                        ? " (" + gpus.unreadable() + " lines were not samples)" : ""));
            }
        }
        write(gpuSamples);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(List<GpuSample> gpuSamples) {
        Map<String, Object> doc = new LinkedHashMap<>();
        Map<String, Double> metrics = new LinkedHashMap<>(processes.metrics());
        metrics.putAll(GpuMetrics.of(gpuSamples));
        doc.put("intervalMs", interval.toMillis());
        doc.put("processSamples", processes.samples());
        doc.put("gpuSamples", gpuSamples.size());
        doc.put("samplerCpuMs", samplerCpuNanos >= 0 ? samplerCpuNanos / 1_000_000.0 : null);
        doc.put("metrics", metrics);
        doc.put("warnings", warnings);
        try {
            AtomicFiles.writeString(trialDir.resolve(METRICS_FILE), JSON.writeValueAsString(doc) + "\n");
            if (!gpuSamples.isEmpty()) {
                AtomicFiles.writeString(trialDir.resolve(SERIES_FILE), series(gpuSamples, hostname()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the telemetry of " + trialDir, e);
        }
    }

    /** telemetry.csv: one row per GPU per sample, by time then GPU; an unknown value is an empty cell. */
    static String series(List<GpuSample> samples, String node) {
        StringBuilder out = new StringBuilder(String.join(",", SERIES_HEADER)).append('\n');
        List<GpuSample> sorted = new ArrayList<>(samples);
        sorted.sort(Comparator.comparingLong(GpuSample::timestampMs).thenComparingInt(GpuSample::gpu));
        String nodeField = SpreadsheetCells.csvField(node);
        for (GpuSample s : sorted) {
            out.append(s.timestampMs()).append(',').append(nodeField).append(",,").append(s.gpu()).append(',')
                    .append(cell(s.utilPct())).append(',').append(cell(s.memUsedMib())).append(',')
                    .append(cell(s.powerW())).append('\n');
        }
        return out.toString();
    }

    private static String cell(Double value) {
        if (value == null) {
            return "";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString(value.longValue())
                : Double.toString(value);
    }

    private static String hostname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException e) {
            return "localhost";
        }
    }

    @Override
    public void close() {
        finish();
    }
}
