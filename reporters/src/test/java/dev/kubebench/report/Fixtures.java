package dev.kubebench.report;

import dev.kubebench.core.timeline.EventKind;

import dev.kubebench.collector.result.CurvePoint;
import dev.kubebench.collector.result.MeasurementKind;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.collector.result.ThroughputPoint;
import dev.kubebench.core.trial.TrialState;
import dev.kubebench.core.timeline.TimelineEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Fixed report inputs for tests: a small sweep with failures, a hostile one, and a large generated one. */
public final class Fixtures {
    public static final String RUN_ID = "20261128-120000-abc123";
    public static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

    private Fixtures() {
    }

    /**
     * resnet over workers 1, 2, 4 (gpus 8, 16, 32) with 2 repetitions: trial 3 fails with a reason that needs CSV
     * quoting, trial 5 is unschedulable; time-to-train trials with accuracy curves and pod timelines.
     */
    public static RunReport sweep() {
        List<TrialReport> trials = new ArrayList<>();
        int[] workers = {1, 2, 4};
        int trial = 0;
        for (int w : workers) {
            for (int rep = 0; rep < 2; rep++) {
                Instant start = T0.plusSeconds(trial * 1000L);
                double thr = 1000.0 * w * (w == 4 ? 0.85 : w == 2 ? 0.95 : 1.0) + rep * 10;
                TrialState status = TrialState.SUCCEEDED;
                String reason = null;
                if (trial == 3) {
                    status = TrialState.FAILED;
                    reason = "worker-1 exited 137, \"OOMKilled\"\nlast line: CUDA out of memory";
                } else if (trial == 5) {
                    status = TrialState.INFRASTRUCTURE;
                    reason = "Unschedulable: 0/4 nodes: insufficient nvidia.com/gpu";
                }
                Map<String, Double> metrics = new LinkedHashMap<>();
                List<CurvePoint> curve = new ArrayList<>();
                if (status != TrialState.INFRASTRUCTURE) {
                    double ttt = 3600.0 / (w * (w == 4 ? 0.85 : 1.0)) + rep * 30;
                    metrics.put("throughput_samples_per_s", thr);
                    metrics.put("time_to_train_s", ttt);
                    metrics.put("step_time_p50_ms", 250.0 / w + rep);
                    metrics.put("step_time_p90_ms", 270.0 / w + rep);
                    metrics.put("step_time_p99_ms", 300.0 / w + rep);
                    metrics.put("step_time_p999_ms", 340.0 / w + rep);
                    metrics.put("step_time_max_ms", 400.0 / w + rep);
                    metrics.put("init_time_s", 42.5);
                    metrics.put("loss_final", 1.25 - 0.1 * w);
                    metrics.put("epochs", 38.0 + rep);
                    // telemetry as the dcgm profile gives it: 8 GPUs a worker at 700 W for the whole trial
                    metrics.put("gpu_util_mean_pct", 95.0 - 5 * w + rep);
                    metrics.put("gpu_power_mean_w", 700.0);
                    metrics.put("gpu_energy_j", 700.0 * 8 * w * 900);
                    metrics.put("energy_per_sample_j", 700.0 * 8 * w / thr);
                    for (int e = 1; e <= 5; e++) {
                        curve.add(new CurvePoint(ttt * 1000 * e / 5, e * 8.0, Double.NaN, 0.5 + 0.053 * e,
                                "eval_accuracy"));
                    }
                }
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("workers", w);
                point.put("batchSize", 256);
                Map<String, String> labels = new LinkedHashMap<>();
                labels.put("gpus", Integer.toString(8 * w));
                labels.put("node_pool", "h100-pool");
                labels.put("backend", "kubernetes");
                RunResult r = new RunResult(RunResult.SCHEMA_VERSION,
                        new RunResult.Identity("resnet-sweep", RUN_ID, trial, point, rep, "mlperf/resnet"),
                        new RunResult.Outcome(MeasurementKind.TIME_TO_TRAIN, status, reason,
                                status == TrialState.INFRASTRUCTURE ? null : status == TrialState.SUCCEEDED,
                                start, start.plusSeconds(status == TrialState.INFRASTRUCTURE ? 600 : 900)),
                        new RunResult.Measurements(metrics, curve, List.of(new ThroughputPoint(60_000, thr)), null),
                        labels, trial == 1 ? List.of("line 17: undecodable MLLOG") : List.of());
                trials.add(new TrialReport(r, timeline(start, w, status == TrialState.INFRASTRUCTURE)));
                trial++;
            }
        }
        String spec = "apiVersion: kubebench.dev/v1alpha1\nkind: Benchmark\nmetadata:\n  name: resnet-sweep\n"
                + "spec:\n  workload: mlperf/resnet\n  sweep: {matrix: {workers: [1, 2, 4]}}\n  repetitions: 2\n";
        return new RunReport("resnet-sweep", RUN_ID, spec, trials, List.of());
    }

    /** Events of a trial with a master and {@code workers} worker pods; unschedulable trials never schedule. */
    static List<TimelineEvent> timeline(Instant start, int workers, boolean unschedulable) {
        List<TimelineEvent> ev = new ArrayList<>();
        ev.add(new TimelineEvent(start, EventKind.SUBMITTED, null, null, null));
        ev.add(new TimelineEvent(start.plusSeconds(2), EventKind.QUEUED, null, null, "ClusterQueue team-a"));
        if (unschedulable) {
            ev.add(new TimelineEvent(start.plusSeconds(3), EventKind.ADMITTED, null, null, null));
            ev.add(new TimelineEvent(start.plusSeconds(600), EventKind.FINISHED, null, null, "Unschedulable"));
            return ev;
        }
        ev.add(new TimelineEvent(start.plusSeconds(10), EventKind.ADMITTED, null, null, null));
        List<String> pods = new ArrayList<>();
        pods.add("job-master-0");
        for (int i = 0; i < workers; i++) {
            pods.add("job-worker-" + i);
        }
        for (int i = 0; i < pods.size(); i++) {
            ev.add(new TimelineEvent(start.plusSeconds(12 + i), EventKind.POD_SCHEDULED, pods.get(i), null, null));
            ev.add(new TimelineEvent(start.plusSeconds(40 + i), EventKind.POD_STARTED, pods.get(i), null, null));
            ev.add(new TimelineEvent(start.plusSeconds(45 + i), EventKind.POD_READY, pods.get(i), null, null));
        }
        ev.add(new TimelineEvent(start.plusSeconds(50), EventKind.RUN_START, null, null, null));
        ev.add(new TimelineEvent(start.plusSeconds(880), EventKind.RUN_STOP, null, null, null));
        ev.add(new TimelineEvent(start.plusSeconds(900), EventKind.FINISHED, null, null, "Succeeded"));
        ev.add(new TimelineEvent(start.plusSeconds(905), EventKind.DELETED, null, null, null));
        return ev;
    }

    /** Script and HTML payloads in every string that comes from a spec or a log. */
    public static final String XSS = "<script>window.__kbPwned=1</script><img src=x onerror=\"window.__kbPwned=2\">";

    public static RunReport hostile() {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("model", "<b>" + XSS + "</b>");
        point.put("gpus", 8);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("node_pool", XSS);
        labels.put("x\"><script>", "'quoted' & \"double\"");
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("throughput_samples_per_s", 123.0);
        metrics.put("</td><script>m</script>", 1.0);
        List<TrialReport> trials = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Instant start = T0.plusSeconds(i * 100L);
            TrialState st = i == 0 ? TrialState.SUCCEEDED : TrialState.FAILED;
            RunResult r = new RunResult(1,
                    new RunResult.Identity(XSS, RUN_ID, i, point, i, "custom/" + XSS),
                    new RunResult.Outcome(MeasurementKind.THROUGHPUT, st,
                            st == TrialState.SUCCEEDED ? null : "log said: " + XSS + " | pipe \u0001 control ]]> end",
                            null, start, start.plusSeconds(60)),
                    new RunResult.Measurements(metrics, List.of(new CurvePoint(1000, 1, Double.NaN, 0.5, XSS),
                            new CurvePoint(2000, 2, Double.NaN, 0.7, XSS)), List.of(), null),
                    labels, List.of(XSS));
            List<TimelineEvent> ev = List.of(
                    new TimelineEvent(start, EventKind.SUBMITTED, null, null, XSS),
                    new TimelineEvent(start.plusSeconds(1), EventKind.POD_SCHEDULED, "pod-" + XSS, null, null),
                    new TimelineEvent(start.plusSeconds(5), EventKind.POD_STARTED, "pod-" + XSS, null, null),
                    new TimelineEvent(start.plusSeconds(60), EventKind.FINISHED, null, null, XSS));
            trials.add(new TrialReport(r, ev));
        }
        String spec = "metadata:\n  name: \"" + XSS + "\"\n</pre><script>window.__kbPwned=3</script><pre>\n";
        return new RunReport(XSS, RUN_ID, spec, trials, List.of(new GateCheck("gate " + XSS, false, XSS)));
    }

    /** {@code n} trials over 8 GPU points with 20-point curves and 3-pod timelines; deterministic (seed 42). */
    public static RunReport large(int n) {
        Random rnd = new Random(42);
        int[] gpus = {1, 2, 4, 8, 16, 32, 64, 128};
        List<TrialReport> trials = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int g = gpus[i % gpus.length];
            Instant start = T0.plusSeconds(i * 10L);
            boolean failed = i % 97 == 0;
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("throughput_samples_per_s", 100.0 * g * (0.9 + 0.1 * rnd.nextDouble()));
            metrics.put("time_to_train_s", 36000.0 / g * (0.9 + 0.2 * rnd.nextDouble()));
            metrics.put("step_time_p50_ms", 100 + rnd.nextDouble() * 5);
            metrics.put("step_time_p90_ms", 110 + rnd.nextDouble() * 5);
            metrics.put("step_time_p99_ms", 130 + rnd.nextDouble() * 10);
            metrics.put("step_time_p999_ms", 150 + rnd.nextDouble() * 20);
            metrics.put("step_time_max_ms", 200 + rnd.nextDouble() * 50);
            metrics.put("custom_metric_" + (i % 5), rnd.nextDouble());
            List<CurvePoint> curve = new ArrayList<>();
            for (int e = 1; e <= 20; e++) {
                curve.add(new CurvePoint(e * 60_000.0, e, Double.NaN, 0.5 + 0.02 * e + 0.01 * rnd.nextDouble(),
                        "eval_accuracy"));
            }
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("gpus", g);
            RunResult r = new RunResult(1,
                    new RunResult.Identity("large", RUN_ID, i, point, i / gpus.length, "custom"),
                    new RunResult.Outcome(MeasurementKind.THROUGHPUT, failed ? TrialState.FAILED : TrialState.SUCCEEDED,
                            failed ? "exit code 1" : null, null, start, start.plusSeconds(9)),
                    new RunResult.Measurements(metrics, curve, List.of(), null),
                    Map.of("gpus", Integer.toString(g)), List.of());
            trials.add(new TrialReport(r, timeline(start, 2, false)));
        }
        return new RunReport("large", RUN_ID, "kind: Benchmark\n", trials, List.of());
    }

    /** The sweep plus the hostile trials (renumbered from 100) under a hostile name, spec and gate. */
    public static RunReport browserPage() {
        RunReport sweep = sweep();
        RunReport hostile = hostile();
        List<TrialReport> trials = new ArrayList<>(sweep.trials());
        for (TrialReport t : hostile.trials()) {
            RunResult r = t.result();
            RunResult.Identity renumbered = new RunResult.Identity(r.benchmark(), r.runId(), 100 + r.trial(),
                    r.point(), r.repetition(), r.workload());
            trials.add(new TrialReport(new RunResult(r.schemaVersion(), renumbered, r.outcome(), r.measurements(),
                    r.labels(), r.warnings()), t.events()));
        }
        return new RunReport(hostile.benchmark(), RUN_ID, hostile.specYaml(), trials, hostile.gates());
    }
}
