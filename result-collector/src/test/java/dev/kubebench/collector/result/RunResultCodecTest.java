package dev.kubebench.collector.result;

import dev.kubebench.core.trial.TrialState;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.collector.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunResultCodecTest {

    static RunResult sample() {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("workers", 2);
        point.put("batchSize", 128);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("time_to_train_s", 804.592);
        metrics.put("throughput_samples_per_s", 55974.25);
        metrics.put("step_time_p50_ms", Double.NaN);
        return new RunResult(RunResult.SCHEMA_VERSION,
                new RunResult.Identity("mlperf-resnet", "20261128-201500-a1b2c3", 3, point, 1, "mlperf/resnet"),
                new RunResult.Outcome(MeasurementKind.TIME_TO_TRAIN, TrialState.FAILED, "quality target not reached",
                        false, Instant.parse("2026-11-28T20:15:00Z"), Instant.parse("2026-11-28T20:29:00Z")),
                new RunResult.Measurements(metrics,
                        List.of(new CurvePoint(69959, 3, Double.NaN, 0.32556, null),
                                new CurvePoint(Double.NaN, Double.NaN, 1536, 0.9, "FID")),
                        List.of(new ThroughputPoint(23740, 55574.35)), null),
                Map.of("backend", "local"), List.of("12 noise lines"));
    }

    @Test
    void writesTheDocumentedSchema() throws IOException {
        String json = RunResultCodec.write(sample());
        assertFalse(json.contains("NaN"));
        Golden.check("result/result-v1.json", json);
    }

    @Test
    void roundTripsTheTelemetryObjectAndLeavesItOutWhenAbsent() {
        RunResult.Telemetry t = new RunResult.Telemetry(TelemetryStatus.PARTIAL, "http://prometheus:9090",
                "1 of 7 queries failed", List.of("query 'x' rejected: parse error"));
        RunResult r = sample().withTelemetry(t, Map.of("gpu_util_mean_pct", 87.0), List.of());
        String json = RunResultCodec.write(r);
        assertTrue(json.contains("\"telemetry\" : {"), json);
        RunResult back = RunResultCodec.read(json.getBytes(StandardCharsets.UTF_8), "x");
        assertEquals(t, back.telemetry());
        assertEquals(87.0, back.metric("gpu_util_mean_pct"));
        assertFalse(RunResultCodec.write(sample()).contains("telemetry"));
    }

    @Test
    void roundTrips() {
        RunResult r = sample();
        RunResult back = RunResultCodec.read(RunResultCodec.write(r).getBytes(StandardCharsets.UTF_8), "x");
        assertEquals(r.point(), back.point());
        assertEquals(r.status(), back.status());
        assertEquals(r.failureReason(), back.failureReason());
        assertEquals(r.targetReached(), back.targetReached());
        assertEquals(r.startedAt(), back.startedAt());
        assertEquals(Map.of("time_to_train_s", 804.592, "throughput_samples_per_s", 55974.25), back.metrics());
        assertEquals(r.accuracyCurve(), back.accuracyCurve());
        assertEquals(r.throughputSeries(), back.throughputSeries());
        assertEquals(r.labels(), back.labels());
        assertEquals(r.warnings(), back.warnings());
        assertEquals(RunResultCodec.write(back), RunResultCodec.write(r));
    }

    @Test
    void rejectsNewerSchemaAndMissingFields() {
        KubebenchException e = assertThrows(KubebenchException.class, () -> RunResultCodec.read(
                "{\"schema_version\": 2, \"benchmark\": \"b\"}".getBytes(StandardCharsets.UTF_8), "r.json"));
        assertTrue(e.getMessage().startsWith("r.json: schema_version: unsupported version 2"), e.getMessage());
        e = assertThrows(KubebenchException.class, () -> RunResultCodec.read(
                "{\"schema_version\": 1, \"benchmark\": \"b\", \"measurement\": \"throughput\"}"
                        .getBytes(StandardCharsets.UTF_8), "r.json"));
        assertEquals("r.json: status: required field missing", e.getMessage());
        e = assertThrows(KubebenchException.class, () -> RunResultCodec.read(
                "{".getBytes(StandardCharsets.UTF_8), "r.json"));
        assertTrue(e.getMessage().startsWith("r.json: not valid JSON"), e.getMessage());
    }
}
