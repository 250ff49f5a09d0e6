package dev.kubebench.runner.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.catalog.plan.Trial;
import dev.kubebench.core.metric.MetricNames;
import dev.kubebench.core.trial.TrialOutcome;
import dev.kubebench.core.trial.TrialState;
import dev.kubebench.runner.TestSpecs;
import dev.kubebench.runner.Timeline;
import dev.kubebench.runner.TrialContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Telemetry of whole local trials: real replica processes sampled from /proc, and a stand-in {@code nvidia-smi}
 * first on PATH (a script printing recorded query output, then waiting like the real one in loop mode).
 */
class LocalTelemetryTest {
    @TempDir
    Path dir;
    private Path bin;
    private Path trialDir;

    @BeforeEach
    void fakeNvidiaSmi() throws Exception {
        bin = Files.createDirectories(dir.resolve("bin"));
        trialDir = Files.createDirectories(dir.resolve("trial"));
        Path recorded = dir.resolve("recorded.csv");
        Files.write(recorded, NvidiaSmiTest.recorded());
        Path script = bin.resolve("nvidia-smi");
        Files.writeString(script, "#!/bin/sh\n"
                + "echo \"$@\" > '" + dir.resolve("nvidia-smi.args") + "'\n"
                + "echo $$ > '" + dir.resolve("nvidia-smi.pid") + "'\n"
                + "cat '" + recorded + "'\n"
                + "exec sleep 300\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private TrialOutcome run(LocalBackend backend, String script, Duration timeout) throws InterruptedException {
        Trial trial = TestSpecs.trial(0, LocalBackendTest.shJob("tele", 2, script, timeout));
        try (Timeline timeline = Timeline.open(trialDir, Clock.systemUTC())) {
            return backend.runTrial(trial, new TrialContext("20261128-120000-abc123", trialDir, timeline, null, null,
                    false));
        }
    }

    private LocalBackend backend(Duration interval) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        return new LocalBackend(env, Duration.ofSeconds(1), interval);
    }

    private JsonNode metrics() throws Exception {
        return JsonMapper.builder().build().readTree(trialDir.resolve(LocalTelemetry.METRICS_FILE).toFile())
                .get("metrics");
    }

    @Test
    void aTrialRecordsItsProcessAndGpuTelemetryAndLeavesNoSamplerBehind() throws Exception {
        // Each of the two replicas keeps ~48 MiB resident while it sleeps (long enough to overlap under load).
        TrialOutcome outcome = run(backend(Duration.ofMillis(250)),
                "exec python3 -c 'import time\nb = bytes(range(256)) * (48 * 4096)\ntime.sleep(4)'",
                Duration.ofSeconds(60));
        assertEquals(TrialState.SUCCEEDED, outcome.state(), outcome.reason());
        JsonNode m = metrics();
        double rss = m.get(MetricNames.RSS_PEAK_MIB).asDouble();
        assertTrue(rss >= 2 * 45 && rss < 2 * 200, "both replicas' memory at once: " + rss);
        assertTrue(m.get(MetricNames.CPU_UTIL_MEAN_PCT).asDouble() >= 0);
        assertEquals(620.0, m.get(MetricNames.GPU_ENERGY_J).asDouble(), 1e-9);
        assertEquals(2.0, m.get(MetricNames.GPU_COUNT_SEEN).asDouble());
        assertEquals(40960.0, m.get(MetricNames.GPU_MEM_USED_PEAK_MIB).asDouble());
        assertEquals("--query-gpu=timestamp,index,uuid,utilization.gpu,memory.used,power.draw "
                + "--format=csv,noheader,nounits -lms 250", Files.readString(dir.resolve("nvidia-smi.args")).trim());
        List<String> series = Files.readAllLines(trialDir.resolve(LocalTelemetry.SERIES_FILE));
        assertEquals("timestamp_ms,node,pod,gpu,gpu_util_pct,gpu_mem_used_mib,gpu_power_w", series.get(0));
        assertEquals(7, series.size(), "one row per GPU per sample: " + series);
        assertSamplersGone();
    }

    @Test
    void aTimedOutTrialStillWritesItsTelemetryAndStopsTheSamplers() throws Exception {
        TrialOutcome outcome = run(backend(Duration.ofMillis(250)), "exec sh -c 'while :; do :; done'",
                Duration.ofSeconds(2));
        assertEquals(TrialState.TIMED_OUT, outcome.state());
        JsonNode doc = JsonMapper.builder().build().readTree(trialDir.resolve(LocalTelemetry.METRICS_FILE).toFile());
        assertTrue(doc.get("processSamples").asInt() >= 4, doc.toString());
        assertTrue(doc.get("samplerCpuMs").asDouble() > 0, "the sampler measures its own cost: " + doc);
        assertTrue(metrics().get(MetricNames.CPU_UTIL_MEAN_PCT).asDouble() > 20,
                "two busy replicas sampled until they were stopped: " + metrics());
        assertSamplersGone();
    }

    @Test
    void anInterruptedTrialStopsTheSamplers() throws Exception {
        Thread worker = new Thread(() -> {
            try {
                run(backend(Duration.ofMillis(250)), "exec sleep 300", Duration.ofSeconds(120));
            } catch (InterruptedException expected) {
                // the run was cancelled
            }
        });
        worker.start();
        Path pid = dir.resolve("nvidia-smi.pid");
        for (int i = 0; i < 200 && !Files.exists(pid); i++) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        TimeUnit.MILLISECONDS.sleep(600);
        worker.interrupt();
        worker.join(30_000);
        assertFalse(worker.isAlive());
        assertTrue(Files.exists(trialDir.resolve(LocalTelemetry.METRICS_FILE)));
        assertSamplersGone();
    }

    @Test
    void turnedOffThereIsNoSamplingAndNoTelemetryFile() throws Exception {
        TrialOutcome outcome = run(backend(Duration.ZERO), "true", Duration.ofSeconds(30));
        assertEquals(TrialState.SUCCEEDED, outcome.state(), outcome.reason());
        assertFalse(Files.exists(trialDir.resolve(LocalTelemetry.METRICS_FILE)));
        assertFalse(Files.exists(dir.resolve("nvidia-smi.pid")), "nvidia-smi never ran");
    }

    @Test
    void withoutNvidiaSmiThereAreProcessMetricsOnly() throws Exception {
        Files.delete(bin.resolve("nvidia-smi"));
        TrialOutcome outcome = run(backend(Duration.ofMillis(250)), "sleep 1", Duration.ofSeconds(30));
        assertEquals(TrialState.SUCCEEDED, outcome.state(), outcome.reason());
        JsonNode m = metrics();
        assertTrue(m.has(MetricNames.RSS_PEAK_MIB), m.toString());
        assertFalse(m.has(MetricNames.GPU_UTIL_MEAN_PCT), m.toString());
        assertFalse(Files.exists(trialDir.resolve(LocalTelemetry.SERIES_FILE)));
    }

    @Test
    void telemetryThatCannotBeWrittenDoesNotKeepTheReplicasFromBeingStopped() throws Exception {
        // a directory where the file should go: the write fails
        Files.createDirectories(trialDir.resolve(LocalTelemetry.METRICS_FILE).resolve("x"));
        String nap = "300." + (100_000_000 + new java.util.Random().nextInt(900_000_000));
        TrialOutcome outcome = run(backend(Duration.ofMillis(250)), "exec sleep " + nap, Duration.ofSeconds(2));
        assertEquals(TrialState.TIMED_OUT, outcome.state());
        assertFalse(ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("").contains(nap)),
                "the replicas were stopped");
        assertSamplersGone();
    }

    private void assertSamplersGone() throws Exception {
        long nvidiaSmi = Long.parseLong(Files.readString(dir.resolve("nvidia-smi.pid")).trim());
        assertFalse(Processes.running(nvidiaSmi), "nvidia-smi " + nvidiaSmi + " still runs");
        List<String> threads = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(Thread::getName).filter(n -> n.startsWith("telemetry-") || n.startsWith("nvidia-smi-")).toList();
        assertEquals(List.of(), threads);
    }
}
