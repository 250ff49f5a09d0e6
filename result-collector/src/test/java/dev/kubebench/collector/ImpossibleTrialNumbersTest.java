package dev.kubebench.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.catalog.spec.Workload;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.collector.store.RunDirectory;
import dev.kubebench.core.trial.FailureCause;
import dev.kubebench.core.trial.TrialOutcome;
import dev.kubebench.core.timeline.EventKind;
import dev.kubebench.core.timeline.TimelineEvent;
import dev.kubebench.core.trial.TrialState;
import java.util.ArrayList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 item 1 at the trial level: result.json never carries an impossible time. */
class ImpossibleTrialNumbersTest {
    private static final Instant T0 = Instant.parse("2026-11-28T20:00:00Z");
    private static final TrialOutcome OK = new TrialOutcome(TrialState.SUCCEEDED, FailureCause.NONE, null, T0,
            T0.plusSeconds(900));

    private static String ev(String t, String key, String value) {
        return "0: :::MLLOG {\"namespace\": \"\", \"time_ms\": " + t + ", \"event_type\": \"POINT_IN_TIME\", "
                + "\"key\": \"" + key + "\", \"value\": " + value + ", \"metadata\": {}}\n";
    }

    private static RunDirectory run(Path root, String log) throws IOException {
        RunDirectory run = RunDirectory.of(root.resolve("resnet-test/20261128-200000-abcdef"));
        run.createTrial(0);
        Files.writeString(run.logsDir(0).resolve("resnet-test-abcdef-0-master-0.log"), log);
        return run;
    }

    @Test
    void runStopBeforeRunStartFailsTheTimeToTrainTrialWithTheReason(@TempDir Path root) throws IOException {
        String log = ev("70000", "run_start", "null") + ev("70001", "eval_accuracy", "0.8")
                + ev("10000", "run_stop", "null").replace("{}}", "{\"status\": \"success\"}}");
        RunDirectory run = run(root, log);
        RunResult r = new TrialCollector().collect(run, TrialCollectorTest.trial(
                new Workload("mlperf/resnet", true, List.of()), List.of()), OK);
        assertEquals(TrialState.FAILED, r.status());
        assertEquals("run_stop (line 3) is 60 s before run_start (line 1): not a duration", r.failureReason());
        assertNull(r.metrics().get("time_to_train_s"), r.metrics().toString());
    }

    @Test
    void corruptTimesGiveNoNegativeOrAbsurdMetrics(@TempDir Path root) throws IOException {
        StringBuilder log = new StringBuilder(ev("5000", "init_start", "null"))
                .append(ev("4000", "init_stop", "null"))
                .append(ev("6000", "run_start", "null"));
        for (int i = 1; i <= 100; i++) {
            log.append(ev(i == 50 ? "1e19" : Long.toString(6000 + i * 500L), "tracked_stats",
                    "{\"throughput\": 64.0}"));
        }
        log.append(ev("5000", "run_stop", "null").replace("{}}", "{\"status\": \"success\"}}"));
        RunDirectory run = run(root, log.toString());
        RunResult r = new TrialCollector().collect(run, TrialCollectorTest.trial(
                new Workload("custom", false, List.of()), List.of()), OK);
        assertEquals(TrialState.SUCCEEDED, r.status(), r.failureReason());
        for (var m : r.metrics().entrySet()) {
            assertTrue(Double.isFinite(m.getValue()) && m.getValue() >= 0, m.toString());
        }
        assertNull(r.metrics().get("init_time_s"), r.metrics().toString());
        assertNull(r.metrics().get("time_to_train_s"), r.metrics().toString());
        assertEquals(500.0, r.metric("step_time_p99_ms"), 0.5);
        assertEquals(2.0, r.metric("step_time_rejected_samples"));
        assertTrue(r.warnings().contains("mllog: 2 impossible step time sample(s) ignored (negative, not finite or "
                + "over 30 days)"), r.warnings().toString());
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("mllog: time to train not measured: ")),
                r.warnings().toString());
        assertFalse(r.warnings().isEmpty());
    }

    @Test
    void impossibleTimelineLatenciesAreLeftOutAndCounted() {
        // a pod "scheduled" before the trial was submitted (clocks of two machines), and one 40 days later
        List<TimelineEvent> events = List.of(
                TimelineEvent.of(T0, EventKind.SUBMITTED),
                new TimelineEvent(T0.minusSeconds(5), EventKind.POD_SCHEDULED, "m-0", null, null),
                new TimelineEvent(T0.plusSeconds(2), EventKind.POD_SCHEDULED, "w-0", null, null),
                new TimelineEvent(T0.plusSeconds(40L * 24 * 3600), EventKind.POD_SCHEDULED, "w-1", null, null));
        List<String> warnings = new ArrayList<>();
        var m = TimelineLatencies.metrics(events, warnings);
        assertEquals(2000.0, m.get("scheduling_latency_max_ms"), 2.0);
        assertEquals(List.of("timeline: 2 impossible scheduling latency sample(s) left out (negative, not finite or "
                + "over 30 days)"), warnings);
    }
}
