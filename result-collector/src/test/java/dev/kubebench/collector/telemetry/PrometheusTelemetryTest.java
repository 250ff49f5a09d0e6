package dev.kubebench.collector.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.catalog.spec.CollectSpec;
import dev.kubebench.collector.result.MeasurementKind;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.collector.result.TelemetryStatus;
import dev.kubebench.collector.store.RunDirectory;
import dev.kubebench.core.metric.MetricNames;
import dev.kubebench.core.trial.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dcgm profile against a real Prometheus (Debian's) on backfilled, known history: exact answers, both label
 * spellings, only the trial's pods, a rejected query, the energy fallback, requests per trial, the recorded files.
 */
class PrometheusTelemetryTest {
    static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    static final int WINDOW_S = 600;
    static final String NS = "team-a";
    static final String MASTER = "bench-abc123-0-master-0";
    static final String WORKER = "bench-abc123-0-worker-0";
    static final String FALLBACK_POD = "bench-abc123-1-worker-0";

    static PrometheusServer prometheus;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startPrometheus() throws IOException, InterruptedException {
        String a = DcgmHistory.podLabels("node-1", "GPU-a", MASTER, NS);
        String b = DcgmHistory.exportedLabels("node-2", "GPU-b", WORKER, NS);
        String other = DcgmHistory.podLabels("node-2", "GPU-c", "other-job-worker-0", NS);
        String fallback = DcgmHistory.podLabels("node-3", "GPU-d", FALLBACK_POD, NS);
        DcgmHistory h = new DcgmHistory(T0, WINDOW_S)
                .series("DCGM_FI_DEV_GPU_UTIL", a, t -> 87)
                .series("DCGM_FI_DEV_GPU_UTIL", b, t -> 87)
                .series("DCGM_FI_DEV_GPU_UTIL", other, t -> 10)
                .series("DCGM_FI_DEV_GPU_UTIL", fallback, t -> 50)
                .series("DCGM_FI_DEV_FB_USED", a, t -> 30000)
                .series("DCGM_FI_DEV_FB_USED", b, t -> t == 300 ? 40000 : 35000)
                .series("DCGM_FI_DEV_FB_USED", other, t -> 80000)
                .series("DCGM_FI_DEV_POWER_USAGE", a, t -> 350)
                .series("DCGM_FI_DEV_POWER_USAGE", b, t -> 350)
                .series("DCGM_FI_DEV_POWER_USAGE", other, t -> 700)
                .series("DCGM_FI_DEV_POWER_USAGE", fallback, t -> 300)
                // two GPUs at 350 J/s each: 700 J/s, 700,000 mJ/s together
                .series("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", a, t -> 5_000_000_000L + 350_000L * t)
                .series("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", b, t -> 9_000_000_000L + 350_000L * t)
                .series("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", other, t -> 1_000_000L * t)
                .series("DCGM_FI_DEV_XID_ERRORS", a, t -> 0)
                .series("DCGM_FI_DEV_XID_ERRORS", b, t -> t >= 450 ? 79 : 0)
                // node exporter: node-1 idle a quarter of the time, 3 GiB used at its peak; node-9 is not the trial's
                .series("node_cpu_seconds_total", "instance=\"node-1:9100\",cpu=\"0\",mode=\"idle\"",
                        t -> 1000 + 0.25 * t)
                .series("node_cpu_seconds_total", "instance=\"node-9:9100\",cpu=\"0\",mode=\"idle\"", t -> 1000)
                .series("node_memory_MemTotal_bytes", "instance=\"node-1:9100\"", t -> 8L << 30)
                .series("node_memory_MemTotal_bytes", "instance=\"node-9:9100\"", t -> 64L << 30)
                .series("node_memory_MemAvailable_bytes", "instance=\"node-1:9100\"", t -> t == 300 ? 5L << 30 : 6L << 30)
                .series("node_memory_MemAvailable_bytes", "instance=\"node-9:9100\"", t -> 1L << 30);
        Path dir = PrometheusServer.newDataDir();
        PrometheusServer.backfill(dir, h.openMetrics());
        prometheus = PrometheusServer.start(dir, List.of());
    }

    @AfterAll
    static void stopPrometheus() throws IOException, InterruptedException {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    static TrialScope scope(List<String> pods) {
        return new TrialScope("bench", "20261130-100000-abc123", 0, NS, pods, List.of("node-1", "node-2"), T0,
                T0.plusSeconds(WINDOW_S), null);
    }

    static PrometheusClient client() {
        return new PrometheusClient(new HttpTransport(prometheus.url(), null, null, false));
    }

    @Test
    void dcgmProfileGivesExactAnswersForTheTrialsPodsInBothLabelSpellings() throws InterruptedException {
        PrometheusClient client = client();
        TrialTelemetry t = new TelemetryCollector(client).collect(CollectSpec.Prometheus.at(prometheus.url()),
                scope(List.of(MASTER, WORKER)));
        assertEquals(TelemetryStatus.AVAILABLE, t.telemetry().status(), t.telemetry().toString());
        Map<String, Double> m = t.metrics();
        assertEquals(87.0, m.get(MetricNames.GPU_UTIL_MEAN_PCT));
        assertEquals(87.0, m.get(MetricNames.GPU_UTIL_P10_PCT));
        assertEquals(2.0, m.get(MetricNames.GPU_COUNT_SEEN));
        assertEquals(40000.0, m.get(MetricNames.GPU_MEM_USED_PEAK_MIB));
        assertEquals(350.0, m.get(MetricNames.GPU_POWER_MEAN_W));
        assertEquals(420_000.0, m.get(MetricNames.GPU_ENERGY_J));
        assertEquals(1.0, m.get(MetricNames.GPU_XID_ERRORS));
        // no profiling fields in this history: those metrics are left out, not zero
        assertFalse(m.containsKey(MetricNames.GPU_SM_ACTIVE_MEAN_RATIO));
        // one request per profile query, whatever the window's length
        assertEquals(TelemetryProfiles.queries(CollectSpec.TelemetryProfile.DCGM).size(), t.requests());
        assertEquals(7, client.requests());
        // per-GPU rows, one per step (1 s for a 10-minute window) and GPU
        assertEquals(2 * (WINDOW_S + 1), t.samples().size());
        GpuSample first = t.samples().get(0);
        assertEquals(T0.toEpochMilli(), first.timestampMs());
        assertEquals(new GpuKey("node-1", MASTER, "GPU-a"), first.gpu());
        assertEquals(87.0, first.utilPct());
        assertEquals(30000.0, first.memUsedMib());
        assertEquals(350.0, first.powerW());
        assertEquals(new GpuKey("node-2", WORKER, "GPU-b"), t.samples().get(1).gpu());
    }

    @Test
    void aRejectedQueryIsOneWarningWithPrometheusOwnErrorAndTheOthersAreStillCollected()
            throws InterruptedException {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("broken", "sum(rate(DCGM_FI_DEV_GPU_UTIL[1m]");
        queries.put("util_max", "max(DCGM_FI_DEV_GPU_UTIL{namespace=\"{{ .namespace }}\",pod=~\"{{ .podRegex }}\"})");
        CollectSpec.Prometheus spec = new CollectSpec.Prometheus(prometheus.url(), null,
                CollectSpec.TelemetryProfile.DCGM, queries, null, null, null);
        PrometheusClient client = client();
        TrialTelemetry t = new TelemetryCollector(client).collect(spec, scope(List.of(MASTER, WORKER)));
        assertEquals(TelemetryStatus.PARTIAL, t.telemetry().status());
        assertEquals(1, t.telemetry().warnings().size(), t.telemetry().warnings().toString());
        String warning = t.telemetry().warnings().get(0);
        assertTrue(warning.startsWith("query broken rejected by Prometheus: bad_data: "), warning);
        assertTrue(warning.contains("parse error"), warning);
        assertEquals(87.0, t.metrics().get("util_max"));
        assertEquals(420_000.0, t.metrics().get(MetricNames.GPU_ENERGY_J));
        assertEquals(9, client.requests());
    }

    @Test
    void nodeProfileGivesCpuAndMemoryOfTheTrialsNodesOnly() throws InterruptedException {
        PrometheusClient client = client();
        CollectSpec.Prometheus spec = new CollectSpec.Prometheus(prometheus.url(), null,
                CollectSpec.TelemetryProfile.NODE, Map.of(), null, null, null);
        TrialTelemetry t = new TelemetryCollector(client).collect(spec, scope(List.of(MASTER, WORKER)));
        assertEquals(TelemetryStatus.AVAILABLE, t.telemetry().status(), t.telemetry().toString());
        assertEquals(75.0, t.metrics().get(MetricNames.NODE_CPU_UTIL_MEAN_PCT), 1e-9);
        assertEquals(3072.0, t.metrics().get(MetricNames.NODE_MEM_USED_PEAK_MIB));
        assertEquals(2, client.requests());
        assertTrue(t.samples().isEmpty(), "telemetry.csv is per GPU");
    }

    @Test
    void withoutTheEnergyCounterEnergyIsIntegratedPower() throws InterruptedException {
        TrialTelemetry t = new TelemetryCollector(client()).collect(CollectSpec.Prometheus.at(prometheus.url()),
                scope(List.of(FALLBACK_POD)));
        assertEquals(300.0 * WINDOW_S, t.metrics().get(MetricNames.GPU_ENERGY_J), 1e-6);
        assertEquals(50.0, t.metrics().get(MetricNames.GPU_UTIL_MEAN_PCT));
        assertEquals(1.0, t.metrics().get(MetricNames.GPU_COUNT_SEEN));
    }

    @Test
    void podsWithoutSeriesMakeTelemetryUnavailableWithTheReason() throws InterruptedException {
        TrialTelemetry t = new TelemetryCollector(client()).collect(CollectSpec.Prometheus.at(prometheus.url()),
                scope(List.of("nobody-worker-0")));
        assertEquals(TelemetryStatus.UNAVAILABLE, t.telemetry().status());
        assertTrue(t.telemetry().reason().startsWith("no DCGM series for pods nobody-worker-0 in namespace team-a"),
                t.telemetry().reason());
    }

    @Test
    void recordsMetricsTelemetryObjectAndCsvIntoTheTrialDirectory() throws IOException, InterruptedException {
        RunDirectory run = RunDirectory.of(Files.createDirectories(tmp.resolve("bench/20261130-100000-abc123")));
        run.createTrial(0);
        Files.writeString(run.manifest(0), "apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata:\n"
                + "  name: bench-abc123-0\n  namespace: " + NS + "\n");
        List<String> events = new ArrayList<>();
        events.add(event(T0.minusSeconds(30), "submitted", null, null));
        events.add(event(T0.minusSeconds(5), "pod_scheduled", MASTER, "node node-1"));
        events.add(event(T0, "pod_started", MASTER, null));
        events.add(event(T0.plusSeconds(2), "pod_started", WORKER, null));
        events.add(event(T0.plusSeconds(100), "run_start", null, null));
        events.add(event(T0.plusSeconds(500), "run_stop", null, null));
        events.add(event(T0.plusSeconds(WINDOW_S), "finished", null, "succeeded"));
        Files.writeString(run.events(0), String.join("\n", events) + "\n");
        RunResult result = new RunResult(RunResult.SCHEMA_VERSION,
                new RunResult.Identity("bench", run.runId(), 0, Map.of(), 0, "custom"),
                new RunResult.Outcome(MeasurementKind.THROUGHPUT, TrialState.SUCCEEDED, null, null,
                        T0.minusSeconds(30), T0.plusSeconds(WINDOW_S)),
                new RunResult.Measurements(Map.of(MetricNames.THROUGHPUT_SAMPLES_PER_S, 1000.0,
                        MetricNames.GPU_SM_ACTIVE_MEAN_RATIO, 0.5), List.of(), List.of(), null),
                Map.of(), List.of());
        run.writeResult(result);

        RunResult written = new TelemetryRecorder(null).record(run, result, CollectSpec.Prometheus.at(prometheus.url()));
        RunResult read = run.readResult(0);
        assertEquals(written.metrics(), read.metrics());
        assertEquals(TelemetryStatus.AVAILABLE, read.telemetry().status());
        assertEquals(prometheus.url(), read.telemetry().source());
        assertNull(read.telemetry().reason());
        assertEquals(420_000.0, read.metric(MetricNames.GPU_ENERGY_J));
        // 1000 samples/s over run_start → run_stop (400 s): 400,000 samples
        assertEquals(420_000.0 / 400_000, read.metric(MetricNames.ENERGY_PER_SAMPLE_J), 1e-12);
        // a stale value of an earlier collection that this one did not find is removed
        assertFalse(read.metrics().containsKey(MetricNames.GPU_SM_ACTIVE_MEAN_RATIO));
        assertEquals(1000.0, read.metric(MetricNames.THROUGHPUT_SAMPLES_PER_S));

        List<String> csv = Files.readAllLines(run.trialDir(0).resolve(TelemetryCsv.FILE));
        assertEquals("timestamp_ms,node,pod,gpu,gpu_util_pct,gpu_mem_used_mib,gpu_power_w", csv.get(0));
        assertEquals(T0.toEpochMilli() + ",node-1," + MASTER + ",GPU-a,87,30000,350", csv.get(1));
        assertEquals(1 + 2 * (WINDOW_S + 1), csv.size());
    }

    @Test
    void stepKeepsEverySeriesUnderPrometheusPointLimit() {
        assertEquals(Duration.ofSeconds(1), TelemetryCollector.step(Duration.ofMinutes(10), null));
        assertEquals(Duration.ofSeconds(5), TelemetryCollector.step(Duration.ofMinutes(10), Duration.ofSeconds(5)));
        Duration week = Duration.ofDays(7);
        Duration step = TelemetryCollector.step(week, Duration.ofSeconds(1));
        assertTrue(week.toMillis() / step.toMillis() + 1 <= TelemetryCollector.MAX_POINTS, step.toString());
        assertTrue(step.toMillis() < 56_000, step.toString());
    }

    static String event(Instant time, String kind, String pod, String detail) {
        return "{\"time\":\"" + time + "\",\"event\":\"" + kind + "\""
                + (pod == null ? "" : ",\"pod\":\"" + pod + "\"")
                + (detail == null ? "" : ",\"detail\":\"" + detail + "\"") + "}";
    }
}
