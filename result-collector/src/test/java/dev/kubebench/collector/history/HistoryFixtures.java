package dev.kubebench.collector.history;

import dev.kubebench.collector.result.MeasurementKind;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.collector.store.RunDirectory;
import dev.kubebench.core.trial.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Run directories for history tests: real result.json files and a benchmark.yaml with labels and a gate. */
public final class HistoryFixtures {
    /** Per-trial time to train around 1500 s, as in the compare tests. */
    public static final double[] TTT = {1510, 1495, 1532, 1488, 1521, 1503, 1499, 1540, 1512, 1507};

    private HistoryFixtures() {
    }

    /** A spec as run, with one label and a 5 % time-to-train gate. */
    public static String spec(String name) {
        return "# kubebench run record\n"
                + "apiVersion: kubebench.dev/v1alpha1\n"
                + "kind: Benchmark\n"
                + "metadata: {name: " + name + ", labels: {team: perf}}\n"
                + "spec:\n"
                + "  workload: {name: w, metric: eval_accuracy, target: 0.95, direction: higher}\n"
                + "  job: {kind: Job, image: busybox, command: [sh, -c, 'true']}\n"
                + "  sweep: {matrix: {gpus: [1, 2]}}\n"
                + "  gates: [{metric: time_to_train_s, direction: lower, maxRegression: 5%}]\n";
    }

    /**
     * Writes {@code <root>/<benchmark>/<runId>} with {@code trials} trials at two sweep points (gpus=1, gpus=2),
     * time to train {@code TTT[i] * factor} (halved at gpus=2) and a throughput, all succeeded.
     */
    public static Path run(Path root, String benchmark, String runId, Instant started, double factor, int trials)
            throws IOException {
        RunDirectory dir = RunDirectory.of(root.resolve(benchmark.replaceAll("[^A-Za-z0-9._-]", "_"))
                .resolve(runId));
        Files.createDirectories(dir.path());
        Files.writeString(dir.benchmarkYaml(), spec("fixture"));
        for (int i = 0; i < trials; i++) {
            int gpus = i % 2 + 1;
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("gpus", gpus);
            double ttt = TTT[i % TTT.length] * factor / gpus;
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("time_to_train_s", ttt);
            metrics.put("throughput_samples_per_s", 1e6 / ttt);
            Instant t = started.plusSeconds(i * 10L);
            dir.createTrial(i);
            dir.writeResult(new RunResult(RunResult.SCHEMA_VERSION,
                    new RunResult.Identity(benchmark, runId, i, point, i / 2, "w"),
                    new RunResult.Outcome(MeasurementKind.TIME_TO_TRAIN, TrialState.SUCCEEDED, null, true, t,
                            t.plusSeconds(5)),
                    new RunResult.Measurements(metrics, null, null, null), Map.of("backend", "local"), null));
        }
        return dir.path();
    }
}
