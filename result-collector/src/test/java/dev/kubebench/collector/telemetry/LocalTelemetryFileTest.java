package dev.kubebench.collector.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.core.metric.MetricNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTelemetryFileTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void addsTheTelemetryMetricsAndWarningsButNoOtherNames() throws IOException {
        Files.writeString(dir.resolve(LocalTelemetryFile.NAME), "{\"intervalMs\":1000,\"processSamples\":3,"
                + "\"gpuSamples\":0,\"metrics\":{\"cpu_util_mean_pct\":187.5,\"rss_peak_mib\":812.25,"
                + "\"throughput_samples_per_s\":1.0},\"warnings\":[\"nvidia-smi reported no GPU samples\"]}");
        Map<String, Double> metrics = new HashMap<>();
        List<String> warnings = new ArrayList<>();
        LocalTelemetryFile.add(dir, metrics, warnings);
        assertEquals(Map.of(MetricNames.CPU_UTIL_MEAN_PCT, 187.5, MetricNames.RSS_PEAK_MIB, 812.25), metrics);
        assertEquals(List.of("telemetry: nvidia-smi reported no GPU samples"), warnings);
    }

    @Test
    void absentFileAddsNothingAndAnUnreadableOneIsAWarning() throws IOException {
        Map<String, Double> metrics = new HashMap<>();
        List<String> warnings = new ArrayList<>();
        LocalTelemetryFile.add(dir, metrics, warnings);
        assertTrue(metrics.isEmpty() && warnings.isEmpty());
        Files.writeString(dir.resolve(LocalTelemetryFile.NAME), "{\"metrics\": {");
        LocalTelemetryFile.add(dir, metrics, warnings);
        assertTrue(metrics.isEmpty());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("telemetry: local-telemetry.json is unreadable: "), warnings.get(0));
    }

    @Test
    void energyPerSampleIsTheEnergyOverTheSamplesProcessedInTheWindow() {
        Map<String, Double> m = new HashMap<>(Map.of(MetricNames.GPU_ENERGY_J, 420_000.0,
                MetricNames.THROUGHPUT_SAMPLES_PER_S, 1000.0));
        EnergyPerSample.add(m, T0, T0.plusSeconds(600));
        assertEquals(0.7, m.get(MetricNames.ENERGY_PER_SAMPLE_J), 1e-12, "420 kJ / (1000/s x 600 s)");
    }

    @Test
    void noEnergyPerSampleWithoutEnergyThroughputOrWindowAndAnExactOneIsKept() {
        Map<String, Double> m = new HashMap<>(Map.of(MetricNames.THROUGHPUT_SAMPLES_PER_S, 1000.0));
        EnergyPerSample.add(m, T0, T0.plusSeconds(600));
        assertFalse(m.containsKey(MetricNames.ENERGY_PER_SAMPLE_J));
        m.put(MetricNames.GPU_ENERGY_J, 5.0);
        EnergyPerSample.add(m, T0, null);
        assertFalse(m.containsKey(MetricNames.ENERGY_PER_SAMPLE_J));
        m.put(MetricNames.THROUGHPUT_SAMPLES_PER_S, 0.0);
        EnergyPerSample.add(m, T0, T0.plusSeconds(600));
        assertFalse(m.containsKey(MetricNames.ENERGY_PER_SAMPLE_J));
        m.put(MetricNames.THROUGHPUT_SAMPLES_PER_S, 1.0);
        m.put(MetricNames.ENERGY_PER_SAMPLE_J, 0.25);
        EnergyPerSample.add(m, T0, T0.plusSeconds(600));
        assertEquals(0.25, m.get(MetricNames.ENERGY_PER_SAMPLE_J));
    }
}
