package dev.kubebench.runner.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.core.metric.MetricNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The nvidia-smi query's output (recorded lines) into samples, and samples into the dcgm-profile metric names. */
class NvidiaSmiTest {
    static List<String> recorded() throws IOException {
        try (InputStream in = NvidiaSmiTest.class.getResourceAsStream("/nvidia-smi/query-gpu.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    static List<GpuSample> recordedSamples() throws IOException {
        return recorded().stream().map(l -> NvidiaSmi.parse(l, ZoneOffset.UTC, 0).orElseThrow()).toList();
    }

    @Test
    void argumentsAskForTheFieldsWithoutHeaderOrUnitsInLoopMode() {
        assertEquals(List.of("--query-gpu=timestamp,index,uuid,utilization.gpu,memory.used,power.draw",
                "--format=csv,noheader,nounits", "-lms", "1000"), NvidiaSmi.arguments(Duration.ofSeconds(1)));
    }

    @Test
    void parsesALineWithTheHostsLocalTime() {
        GpuSample s = NvidiaSmi.parse("2026/12/01 10:00:01.250, 3, GPU-abc, 87, 30512, 251.37",
                ZoneOffset.ofHours(1), 0).orElseThrow();
        assertEquals(1_796_115_601_250L, s.timestampMs(), "10:00:01.250 at +01:00 is 09:00:01.250 UTC");
        assertEquals(3, s.gpu());
        assertEquals("GPU-abc", s.uuid());
        assertEquals(87.0, s.utilPct());
        assertEquals(30512.0, s.memUsedMib());
        assertEquals(251.37, s.powerW());
    }

    @Test
    void unsupportedValuesAreUnknownAndAnUnreadableTimestampIsWhenTheLineArrived() {
        GpuSample s = NvidiaSmi.parse("bogus, 0, GPU-x, [N/A], [Not Supported], [N/A]", ZoneOffset.UTC, 42)
                .orElseThrow();
        assertEquals(42, s.timestampMs());
        assertNull(s.utilPct());
        assertNull(s.memUsedMib());
        assertNull(s.powerW());
    }

    @Test
    void errorLinesAreNoSamples() {
        assertEquals(Optional.empty(), NvidiaSmi.parse("NVIDIA-SMI has failed because it couldn't communicate with "
                + "the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running.",
                ZoneOffset.UTC, 0));
        assertEquals(Optional.empty(), NvidiaSmi.parse("Failed to initialize NVML: Unknown Error", ZoneOffset.UTC, 0));
        assertEquals(Optional.empty(), NvidiaSmi.parse("x, y, GPU-1, 1, 2, 3", ZoneOffset.UTC, 0));
    }

    @Test
    void metricsOfTheRecordedOutput() throws IOException {
        Map<String, Double> m = GpuMetrics.of(recordedSamples());
        assertEquals((80 + 40 + 90 + 50 + 100 + 0) / 6.0, m.get(MetricNames.GPU_UTIL_MEAN_PCT), 1e-9);
        // sorted 0 40 50 80 90 100: rank 0.5 lies halfway between 0 and 40
        assertEquals(20.0, m.get(MetricNames.GPU_UTIL_P10_PCT), 1e-9);
        assertEquals(40960.0, m.get(MetricNames.GPU_MEM_USED_PEAK_MIB));
        assertEquals((250 + 100 + 260 + 100 + 270) / 5.0, m.get(MetricNames.GPU_POWER_MEAN_W), 1e-9);
        // GPU 0: (250+260)/2 + (260+270)/2 = 520 J over 2 s; GPU 1: 100 J over its 1 s of known power
        assertEquals(620.0, m.get(MetricNames.GPU_ENERGY_J), 1e-9);
        assertEquals(2.0, m.get(MetricNames.GPU_COUNT_SEEN));
        assertTrue(!m.containsKey(MetricNames.ENERGY_PER_SAMPLE_J), "needs the throughput: the collector's");
    }

    @Test
    void noSamplesNoMetrics() {
        assertEquals(Map.of(), GpuMetrics.of(List.of()));
    }

    @Test
    void seriesHasTheSharedTelemetryCsvLayout() throws IOException {
        String csv = LocalTelemetry.series(recordedSamples().subList(4, 6), "node-a");
        assertEquals("timestamp_ms,node,pod,gpu,gpu_util_pct,gpu_mem_used_mib,gpu_power_w\n"
                + "1796119202000,node-a,,0,100,38000,270\n"
                + "1796119202000,node-a,,1,0,1024,\n", csv);
    }
}
