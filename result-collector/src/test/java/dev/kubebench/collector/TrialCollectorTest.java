package dev.kubebench.collector;

import dev.kubebench.core.trial.TrialOutcome;
import dev.kubebench.core.trial.FailureCause;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.catalog.plan.Trial;
import dev.kubebench.catalog.spec.Benchmark;
import dev.kubebench.catalog.spec.BenchmarkSpec;
import dev.kubebench.catalog.spec.CollectSpec;
import dev.kubebench.catalog.spec.JobKind;
import dev.kubebench.catalog.spec.JobSpec;
import dev.kubebench.catalog.spec.Metadata;
import dev.kubebench.catalog.spec.Workload;
import dev.kubebench.collector.latency.LatencyRecorder;
import dev.kubebench.collector.result.MeasurementKind;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.collector.result.RunResultCodec;
import dev.kubebench.core.trial.TrialState;
import dev.kubebench.collector.store.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialCollectorTest {
    private static final Path DELL = Path.of(System.getProperty("kubebench.shared"),
            "mlperf-logs/3.0/Dell/XE9680x8H100-SXM-80GB/resnet");
    private static final Instant T0 = Instant.parse("2026-11-28T20:00:00Z");
    private static final TrialOutcome OK = new TrialOutcome(TrialState.SUCCEEDED, FailureCause.NONE, null, T0, T0.plusSeconds(900));

    static Trial trial(Workload workload, List<CollectSpec> collect) {
        JobSpec job = new JobSpec(JobKind.PYTORCH_JOB, null, "img", List.of("python"), null, null,
                Map.of("Master", 1, "Worker", 1), null, null, null, null, null, null, null);
        BenchmarkSpec spec = new BenchmarkSpec(workload, job, null, null, null, null, null, 1, Duration.ofHours(1),
                collect, null, null);
        return new Trial(0, Map.of("workers", 1), 0, 0,
                new Benchmark(Benchmark.API_VERSION, Benchmark.KIND, new Metadata("resnet-test", Map.of()), spec));
    }

    private static RunDirectory run(Path root, String log) throws IOException {
        RunDirectory run = RunDirectory.of(root.resolve("resnet-test/20261128-200000-abcdef"));
        run.createTrial(0);
        Files.copy(DELL.resolve(log), run.logsDir(0).resolve("resnet-test-abcdef-0-master-0.log"));
        Files.writeString(run.events(0), String.join("\n",
                "{\"time\":\"2026-11-28T20:00:00Z\",\"event\":\"submitted\"}",
                "{\"time\":\"2026-11-28T20:00:01Z\",\"event\":\"pod_scheduled\",\"pod\":\"m-0\"}",
                "{\"time\":\"2026-11-28T20:00:03Z\",\"event\":\"pod_scheduled\",\"pod\":\"w-0\"}",
                "{\"time\":\"2026-11-28T20:00:05Z\",\"event\":\"pod_started\",\"pod\":\"m-0\"}",
                "{\"time\":\"2026-11-28T20:00:05Z\",\"event\":\"pod_started\",\"pod\":\"w-0\"}",
                "{\"time\":\"2026-11-28T20:15:00Z\",\"event\":\"finished\"}", ""));
        return run;
    }

    @Test
    void timeToTrainTrialFromRealLogAndTimeline(@TempDir Path root) throws IOException {
        RunDirectory run = run(root, "result_0.txt");
        RunResult r = new TrialCollector().collect(run, trial(new Workload("mlperf/resnet", true, List.of()),
                List.of()), OK);
        assertEquals(TrialState.SUCCEEDED, r.status());
        assertNull(r.failureReason());
        assertEquals(MeasurementKind.TIME_TO_TRAIN, r.measurement());
        assertEquals(Boolean.TRUE, r.targetReached());
        assertEquals("resnet-test", r.benchmark());
        assertEquals("20261128-200000-abcdef", r.runId());
        assertTrue(r.metric("time_to_train_s") > 700 && r.metric("time_to_train_s") < 900, r.metrics().toString());
        assertTrue(r.metric("throughput_samples_per_s") > 50_000);
        assertTrue(r.metric("init_time_s") > 0);
        assertNotNull(r.stepTimeHistogram());
        assertEquals(r.metric("step_time_p50_ms"), LatencyRecorder.decode(r.stepTimeHistogram()).p50Ms());
        // scheduling: 1 s and 3 s after submission; startup: 4 s and 2 s
        assertEquals(3000.0, r.metric("scheduling_latency_max_ms"), 3.0);
        assertEquals(1000.0, r.metric("scheduling_latency_p50_ms"), 1.0);
        assertEquals(4000.0, r.metric("startup_latency_max_ms"), 4.0);
        assertEquals(900.0, r.metric("wall_time_s"));
        assertEquals("Dell", r.labels().get("submission_org"));
        assertEquals(RunResultCodec.write(r), RunResultCodec.write(run.readResult(0)));
        assertTrue(Files.isRegularFile(run.resultJson(0)));
    }

    @Test
    void abortedRunFailsTimeToTrainEvenWhenTheJobSucceeded(@TempDir Path root) throws IOException {
        RunDirectory run = run(root, "result_1.txt");
        RunResult r = new TrialCollector().collect(run, trial(new Workload("mlperf/resnet", true, List.of()),
                List.of()), OK);
        assertEquals(TrialState.FAILED, r.status());
        assertEquals("run_stop status aborted", r.failureReason());
        assertEquals(Boolean.FALSE, r.targetReached());
        assertEquals(TrialState.FAILED, run.readResult(0).status());
    }

    @Test
    void jobFailureWinsAndReasonIsKept(@TempDir Path root) throws IOException {
        RunDirectory run = run(root, "result_0.txt");
        TrialOutcome oom = new TrialOutcome(TrialState.FAILED, FailureCause.OOM_KILLED, "pod m-0 OOMKilled (exit 137)", T0, T0.plusSeconds(60));
        RunResult r = new TrialCollector().collect(run, trial(new Workload("mlperf/resnet", true, List.of()),
                List.of()), oom);
        assertEquals(TrialState.FAILED, r.status());
        assertEquals("pod m-0 OOMKilled (exit 137)", r.failureReason());
        assertEquals("oom_killed", r.labels().get("failure_class"));
    }

    @Test
    void throughputTrialWithStepTimesExtractRulesAndJmh(@TempDir Path root) throws IOException {
        RunDirectory run = RunDirectory.of(root.resolve("custom/20261128-200000-000001"));
        run.createTrial(0);
        StringBuilder log = new StringBuilder("starting\r\n");
        for (int i = 1; i <= 100; i++) {
            log.append("[0] :::MLLOG {\"time_ms\": ").append(1000 + i * 10).append(", \"key\": \"step_time_ms\", ")
                    .append("\"value\": ").append(i).append(", \"metadata\": {\"step\": ").append(i).append("}}\n");
            log.append("step ").append(i).append(" loss=").append(1.0 / i).append(" ips=")
                    .append(100 + i).append('\n');
            log.append("{\"metrics\": {\"mem_mb\": ").append(i * 2).append("}}\n");
        }
        Files.writeString(run.logsDir(0).resolve("worker-0.log"), log);
        Files.writeString(run.trialDir(0).resolve("jmh.json"), "[{\"benchmark\": \"a.b.Parse.parse\", "
                + "\"mode\": \"thrpt\", \"params\": {\"size\": \"64\"}, \"primaryMetric\": {\"score\": 310.5, "
                + "\"scoreError\": 4.5, \"scoreUnit\": \"MB/s\"}}]");
        CollectSpec.Extract extract = new CollectSpec.Extract(List.of(
                new CollectSpec.MetricRule("throughput_images_per_s", "ips=(?<value>[0-9.]+)", null, "images/s",
                        "mean"),
                new CollectSpec.MetricRule("loss", "loss=(?<value>[0-9.eE-]+)", null, null, "last"),
                new CollectSpec.MetricRule("memory_mb", null, "metrics.mem_mb", "MB", "max"),
                new CollectSpec.MetricRule("never_ms", "nope=(?<value>\\d+)", null, "ms", "percentiles")));
        RunResult r = new TrialCollector().collect(run, trial(new Workload("custom", false, List.of()),
                List.of(new CollectSpec.Mllog(), extract, new CollectSpec.Jmh("jmh.json"))), OK);
        assertEquals(TrialState.SUCCEEDED, r.status());
        assertEquals(MeasurementKind.THROUGHPUT, r.measurement());
        assertNull(r.targetReached());
        assertEquals(50.0, r.metric("step_time_p50_ms"), 0.05);
        assertEquals(99.0, r.metric("step_time_p99_ms"), 0.1);
        assertEquals(100.0, r.metric("step_time_max_ms"), 0.1);
        assertEquals(100.0, r.metric("step_count"));
        assertEquals("step_time_ms", r.labels().get("step_time_source"));
        assertEquals(150.5, r.metric("throughput_images_per_s"), 1e-9);
        assertEquals(0.01, r.metric("loss"), 1e-12);
        assertEquals(200.0, r.metric("memory_mb"));
        assertEquals(310.5, r.metric("parse_parse_size_64_score_mb_per_s"));
        assertEquals(4.5, r.metric("parse_parse_size_64_score_error_mb_per_s"));
        assertTrue(r.warnings().contains("extract: metric never_ms matched no log line"), r.warnings().toString());
    }

    @Test
    void localTelemetryLandsInResultJsonWithEnergyPerSample(@TempDir Path root) throws IOException {
        RunDirectory run = RunDirectory.of(root.resolve("local/20261128-200000-000002"));
        run.createTrial(0);
        Files.writeString(run.logsDir(0).resolve("master-0.log"), "throughput=10\n");
        Files.writeString(run.trialDir(0).resolve("local-telemetry.json"), "{\"metrics\":{\"cpu_util_mean_pct\":"
                + "150.0,\"rss_peak_mib\":512.0,\"gpu_util_mean_pct\":87.0,\"gpu_energy_j\":9000.0},"
                + "\"warnings\":[]}");
        CollectSpec.Extract extract = new CollectSpec.Extract(List.of(new CollectSpec.MetricRule(
                "throughput_samples_per_s", "throughput=(?<value>[0-9.]+)", null, "samples/s", "last")));
        RunResult r = new TrialCollector().collect(run, trial(new Workload("custom", false, List.of()),
                List.of(extract)), OK);
        assertEquals(150.0, r.metric("cpu_util_mean_pct"));
        assertEquals(512.0, r.metric("rss_peak_mib"));
        assertEquals(87.0, r.metric("gpu_util_mean_pct"));
        assertEquals(9000.0 / (10 * 900), r.metric("energy_per_sample_j"), 1e-12, "9 kJ over 900 s at 10 samples/s");
        Path json = run.trialDir(0).resolve("result.json");
        RunResult read = RunResultCodec.read(Files.readAllBytes(json), json.toString());
        assertEquals(1.0, read.metric("energy_per_sample_j"), 1e-12);
    }
}
