package dev.kubebench.benchmarks;

import dev.kubebench.collector.mllog.MllogAccumulator;
import dev.kubebench.collector.mllog.MllogParser;
import dev.kubebench.collector.mllog.MllogRun;
import dev.kubebench.collector.mllog.ParseStats;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * The large-log check: generates a 2 GiB MLLOG file (plain, or gzip with {@code --gzip}) under /tmp once, streams it
 * through the parser and prints MB/s and the peak heap. Run with a small heap to show memory does not grow with the
 * log:
 *
 * <pre>
 * java -Xmx64m -cp benchmarks/target/benchmarks.jar dev.kubebench.benchmarks.MllogLargeFileCheck [size-MiB] [--gzip]
 * </pre>
 */
public final class MllogLargeFileCheck {
    private MllogLargeFileCheck() {
    }

    public static void main(String[] args) throws IOException {
        long mib = 2048;
        boolean gzip = false;
        for (String a : args) {
            if (a.equals("--gzip")) {
                gzip = true;
            } else {
                mib = Long.parseLong(a);
            }
        }
        Path file = Path.of(System.getProperty("java.io.tmpdir"),
                "kubebench-mllog-" + mib + "m" + (gzip ? ".txt.gz" : ".txt"));
        long target = mib << 20;
        if (!Files.isRegularFile(file)) {
            generate(file, target, gzip);
        }
        long size = Files.size(file);
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        MllogAccumulator acc = new MllogAccumulator();
        ParseStats stats = new MllogParser().parse(file, acc);
        MllogRun run = acc.finish(List.of(), stats);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "file %s: %d bytes on disk, %d bytes parsed, %d lines, %d events, "
                        + "%d decoded, %d noise%n", file, size, stats.bytes(), stats.lines(), stats.events(),
                stats.decodedEvents(), stats.noiseLines());
        System.out.printf(Locale.ROOT, "parsed in %.2f s wall, %.2f s CPU (this thread): %.1f MB/s wall, "
                        + "%.1f MB per CPU-second (uncompressed, 1 MB = 10^6 bytes)%n", seconds, cpuSeconds,
                stats.bytes() / 1e6 / seconds, stats.bytes() / 1e6 / cpuSeconds);
        System.out.printf(Locale.ROOT, "load average during the run: %.2f on %d cores%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "max heap %d MiB, peak heap used (sum of pool peaks) %.1f MiB%n",
                Runtime.getRuntime().maxMemory() >> 20, peak / 1048576.0);
        System.out.printf(Locale.ROOT, "run: %s, step time p50 %.3f ms over %d steps, %d curve points%n",
                run.outcome().jsonName(), run.stepTimes() == null ? Double.NaN : run.stepTimes().p50Ms(),
                run.stepTimes() == null ? 0 : run.stepTimes().count(), run.accuracyCurve().size());
    }

    private static void generate(Path file, long bytes, boolean gzip) throws IOException {
        System.out.printf(Locale.ROOT, "generating %s (%d MiB uncompressed)...%n", file, bytes >> 20);
        Path tmp = Files.createTempFile(file.getParent(), "kubebench-mllog", ".tmp");
        MllogSamples samples = new MllogSamples(7);
        long written = 0;
        try (OutputStream raw = Files.newOutputStream(tmp);
             OutputStream out = gzip ? new GZIPOutputStream(new BufferedOutputStream(raw, 1 << 16), 1 << 16)
                     : new BufferedOutputStream(raw, 1 << 16)) {
            byte[] h = samples.header().getBytes(StandardCharsets.ISO_8859_1);
            out.write(h);
            written += h.length;
            while (written < bytes) {
                byte[] b = samples.next().getBytes(StandardCharsets.ISO_8859_1);
                out.write(b);
                written += b.length;
            }
        }
        Files.move(tmp, file);
    }
}
