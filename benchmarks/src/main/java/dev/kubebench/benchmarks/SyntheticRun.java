package dev.kubebench.benchmarks;

import dev.kubebench.core.timeline.EventKind;

import dev.kubebench.collector.result.CurvePoint;
import dev.kubebench.collector.result.MeasurementKind;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.core.trial.TrialState;
import dev.kubebench.report.RunReport;
import dev.kubebench.core.timeline.TimelineEvent;
import dev.kubebench.report.TrialReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic (seed 42) run of {@code trials} trials over 8 GPU counts x 2 node pools: full standard metrics,
 * two custom metrics, a 50-point accuracy curve and a 3-pod timeline per trial, 1% failed trials. Large enough to
 * stress every reporter the way a long nightly sweep would.
 */
public final class SyntheticRun {
    private SyntheticRun() {
    }

    public static RunReport of(int trials) {
        Random rnd = new Random(42);
        Instant t0 = Instant.parse("2026-11-28T00:00:00Z");
        int[] gpus = {1, 2, 4, 8, 16, 32, 64, 128};
        String[] pools = {"h100", "a100"};
        List<TrialReport> out = new ArrayList<>(trials);
        for (int i = 0; i < trials; i++) {
            int g = gpus[i % gpus.length];
            String pool = pools[(i / gpus.length) % pools.length];
            Instant start = t0.plusSeconds(i * 30L);
            boolean failed = i % 100 == 7;
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("throughput_samples_per_s", 900.0 * g * (0.9 + 0.1 * rnd.nextDouble()));
            m.put("time_to_train_s", 7200.0 / g * (0.95 + 0.1 * rnd.nextDouble()));
            m.put("step_time_p50_ms", 100 + 5 * rnd.nextDouble());
            m.put("step_time_p90_ms", 110 + 5 * rnd.nextDouble());
            m.put("step_time_p99_ms", 130 + 10 * rnd.nextDouble());
            m.put("step_time_p999_ms", 150 + 20 * rnd.nextDouble());
            m.put("step_time_max_ms", 200 + 50 * rnd.nextDouble());
            m.put("init_time_s", 30 + rnd.nextDouble());
            m.put("scheduling_latency_p50_ms", 800 + 100 * rnd.nextDouble());
            m.put("loss_final", rnd.nextDouble());
            m.put("gpu_mem_used_gib", 60 + rnd.nextDouble());
            List<CurvePoint> curve = new ArrayList<>(50);
            for (int e = 1; e <= 50; e++) {
                curve.add(new CurvePoint(e * 30_000.0, e, Double.NaN, 0.4 + 0.007 * e + 0.01 * rnd.nextDouble(),
                        "eval_accuracy"));
            }
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("gpus", g);
            point.put("pool", pool);
            RunResult r = new RunResult(RunResult.SCHEMA_VERSION,
                    new RunResult.Identity("synthetic", "20261128-000000-abcdef", i, point,
                            i / (gpus.length * pools.length), "custom"),
                    new RunResult.Outcome(MeasurementKind.TIME_TO_TRAIN,
                            failed ? TrialState.FAILED : TrialState.SUCCEEDED,
                            failed ? "worker-0 exited 1: \"CUDA error\", see logs/worker-0.log" : null, !failed, start,
                            start.plusSeconds(25)),
                    new RunResult.Measurements(m, curve, List.of(), null),
                    Map.of("gpus", Integer.toString(g), "node_pool", pool), List.of());
            List<TimelineEvent> ev = new ArrayList<>();
            ev.add(new TimelineEvent(start, EventKind.SUBMITTED, null, null, null));
            for (String pod : List.of("master-0", "worker-0", "worker-1")) {
                ev.add(new TimelineEvent(start.plusSeconds(1), EventKind.POD_SCHEDULED, pod, null, null));
                ev.add(new TimelineEvent(start.plusSeconds(3), EventKind.POD_STARTED, pod, null, null));
            }
            ev.add(new TimelineEvent(start.plusSeconds(25), EventKind.FINISHED, null, null, null));
            out.add(new TrialReport(r, ev));
        }
        return new RunReport("synthetic", "20261128-000000-abcdef", "kind: Benchmark\n", out, List.of());
    }
}
