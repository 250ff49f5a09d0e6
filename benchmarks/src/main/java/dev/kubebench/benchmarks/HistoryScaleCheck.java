package dev.kubebench.benchmarks;

import dev.kubebench.collector.history.DatabaseUrl;
import dev.kubebench.collector.history.HistoryQuery;
import dev.kubebench.collector.history.HistoryStore;
import dev.kubebench.collector.history.RunDirectoryReader;
import dev.kubebench.collector.history.RunMetrics;
import dev.kubebench.collector.result.MeasurementKind;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.collector.result.RunResultCodec;
import dev.kubebench.collector.store.RunDirectory;
import dev.kubebench.core.metric.MetricNames;
import dev.kubebench.core.trial.TrialState;
import dev.kubebench.report.analysis.samples.Observation;
import dev.kubebench.report.analysis.samples.RunSamples;
import dev.kubebench.report.analysis.trend.ChangePointSettings;
import dev.kubebench.report.analysis.trend.TrendAnalyzer;
import dev.kubebench.report.analysis.trend.TrendResult;
import dev.kubebench.report.analysis.trend.TrendSeries;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The history scale check (docs/history.md): writes {@code runs} run directories of {@code trials} trials with 30
 * metrics each under /tmp (not timed), then times pushing them all (read each run directory, one transaction per
 * run) and the history read and analysis {@code trend --db} does (query, series, change points). Point it at an empty
 * database:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.kubebench.benchmarks.HistoryScaleCheck postgresql://... [runs] [trials]
 * </pre>
 */
public final class HistoryScaleCheck {
    private static final String BENCHMARK = "scale-check";

    private HistoryScaleCheck() {
    }

    public static void main(String[] args) throws IOException {
        DatabaseUrl url = DatabaseUrl.parse(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int trials = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path root = Files.createTempDirectory("kubebench-scale-");
        List<Path> dirs = write(root, runs, trials);
        try (HistoryStore store = HistoryStore.open(url)) {
            Clocks c = Clocks.start();
            int pushed = 0;
            for (Path dir : dirs) {
                pushed += store.push(RunDirectoryReader.read(dir, Map.of("branch", "main"))) ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "push: %d runs x %d trials x 30 metrics (%d new): %s%n", runs, trials,
                    pushed, c.since());
            for (int i = 0; i < 3; i++) {
                Clocks t = Clocks.start();
                List<RunMetrics> read = store.medians(HistoryQuery.benchmark(BENCHMARK));
                String readTime = t.since();
                Clocks a = Clocks.start();
                List<TrendResult> results = trend(read);
                System.out.printf(Locale.ROOT, "trend: %d series over %d runs: %s (read %s; analysis %s)%n",
                        results.size(), read.size(), t.since(), readTime, a.since());
            }
        }
        System.out.println("run directories left in " + root);
    }

    /**
     * Wall time and this JVM's CPU time since a start: on a shared machine the CPU time says what the work costs,
     * the wall time what the user waited.
     */
    private record Clocks(long wallNanos, long cpuNanos) {
        static Clocks start() {
            return new Clocks(System.nanoTime(), cpu());
        }

        String since() {
            return String.format(Locale.ROOT, "%.2f s wall, %.2f s JVM CPU", (System.nanoTime() - wallNanos) / 1e9,
                    (cpu() - cpuNanos) / 1e9);
        }

        private static long cpu() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }
    }

    /** What {@code trend --db --benchmark} does with what it read. */
    private static List<TrendResult> trend(List<RunMetrics> read) {
        List<RunSamples> samples = new ArrayList<>();
        for (RunMetrics r : read) {
            List<Observation> obs = new ArrayList<>(r.values().size());
            r.values().forEach(v -> obs.add(new Observation(v.metric(), v.point(), v.value(), null)));
            samples.add(new RunSamples(r.runId(), r.startedAt(), r.runId(), obs, r.gates()));
        }
        List<TrendSeries> series = TrendSeries.of(samples, Map.of());
        return new TrendAnalyzer(ChangePointSettings.defaults(), 5).analyze(series);
    }

    private static List<Path> write(Path root, int runs, int trials) throws IOException {
        List<String> names = new ArrayList<>(MetricNames.STANDARD);
        for (int i = names.size(); i < 30; i++) {
            names.add("custom_metric_" + i + "_ms");
        }
        Random random = new Random(42);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<Path> dirs = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            String runId = String.format(Locale.ROOT, "20260101-%06d-%06x", r, r);
            RunDirectory dir = RunDirectory.of(root.resolve(BENCHMARK).resolve(runId));
            double level = r < runs * 3 / 4 ? 1.0 : 1.1;
            for (int t = 0; t < trials; t++) {
                Map<String, Double> metrics = new LinkedHashMap<>();
                for (String n : names) {
                    metrics.put(n, 100 * level * (1 + 0.02 * random.nextGaussian()));
                }
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("gpus", 1 << (t % 4));
                Instant at = start.plusSeconds(3600L * r + 60L * t);
                RunResult result = new RunResult(RunResult.SCHEMA_VERSION,
                        new RunResult.Identity(BENCHMARK, runId, t, point, t / 4, "w"),
                        new RunResult.Outcome(MeasurementKind.THROUGHPUT, TrialState.SUCCEEDED, null, null, at,
                                at.plusSeconds(30)),
                        new RunResult.Measurements(metrics, null, null, null), Map.of(), null);
                dir.createTrial(t);
                // plain writes: generating the input is not what is measured
                Files.writeString(dir.resultJson(t), RunResultCodec.write(result));
            }
            dirs.add(dir.path());
        }
        return dirs;
    }
}
