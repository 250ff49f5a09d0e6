package dev.kubebench.collector.mllog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.catalog.mlperf.MlperfCatalog;
import dev.kubebench.catalog.spec.QualityTarget;
import dev.kubebench.collector.latency.LatencyRecorder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 1: a log whose times are impossible (run_stop before run_start, ranks interleaved out of order,
 * corrupt time_ms) gives an invalid run with the reason, and no negative, non-finite or absurd number.
 */
class ImpossibleNumbersTest {

    private static String ev(String t, String key, String value, String metadata) {
        return ":::MLLOG {\"namespace\": \"\", \"time_ms\": " + t + ", \"event_type\": \"POINT_IN_TIME\", \"key\": \""
                + key + "\", \"value\": " + value + ", \"metadata\": {" + metadata + "}}\n";
    }

    private static String ev(long t, String key, String value, String metadata) {
        return ev(Long.toString(t), key, value, metadata);
    }

    private static MllogRun run(String text, List<QualityTarget> targets) throws IOException {
        MllogAccumulator acc = new MllogAccumulator(targets);
        ParseStats stats = new MllogParser().parse(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), acc);
        return acc.finish(targets, stats);
    }

    private static List<QualityTarget> resnet() {
        return MlperfCatalog.standard().find("resnet").orElseThrow().targets();
    }

    @Test
    void runStopBeforeRunStartIsInvalidWithTheReasonAndNoNegativeTime() throws IOException {
        String log = ev(1000, "init_start", "null", "")
                + ev(61_000, "run_start", "null", "")
                + ev(1_000, "eval_accuracy", "0.77", "\"epoch_num\": 1")
                + ev(1_000, "run_stop", "null", "\"status\": \"success\"");
        MllogRun r = run(log, resnet());
        assertFalse(r.valid());
        assertEquals("run_stop (line 4) is 60 s before run_start (line 2): not a duration", r.invalidReason());
        assertTrue(Double.isNaN(r.timeToTrainMs()), "time to train " + r.timeToTrainMs());
        assertTrue(Double.isNaN(r.minutes()));
    }

    @Test
    void zeroDurationIsInvalid() throws IOException {
        String log = ev(5000, "run_start", "null", "")
                + ev(5000, "eval_accuracy", "0.77", "")
                + ev(5000, "run_stop", "null", "\"status\": \"success\"");
        MllogRun r = run(log, resnet());
        assertFalse(r.valid());
        assertEquals("run_stop (line 3) is at the same time as run_start (line 1): not a duration",
                r.invalidReason());
    }

    @Test
    void interleavedRanksOutOfOrderBeyondTheToleranceAreInvalid() throws IOException {
        // rank 1's clock is 5.34 s behind rank 0's and their lines are interleaved: the last run_start before the
        // first run_stop is rank 1's, and the time to train would be 5.36 s longer than the run took
        String log = "0: " + ev(6_340, "run_start", "null", "")
                + "1: " + ev(1_000, "run_start", "null", "")
                + "0: " + ev(6_350, "eval_accuracy", "0.80", "\"epoch_num\": 1")
                + "0: " + ev(6_360, "run_stop", "null", "\"status\": \"success\"")
                + "1: " + ev(1_020, "run_stop", "null", "\"status\": \"success\"");
        MllogRun r = run(log, resnet());
        assertFalse(r.valid());
        assertEquals("events out of order: run_start (line 2) is 5.34 s earlier than run_start (line 1), beyond "
                + "the 1 s tolerance", r.invalidReason());
        assertTrue(Double.isNaN(r.timeToTrainMs()));
    }

    @Test
    void outOfOrderWithinTheToleranceIsStillValid() throws IOException {
        String log = "0: " + ev(1_000, "init_start", "null", "")
                + "1: " + ev(1_900, "init_start", "null", "")
                + "0: " + ev(1_000, "init_stop", "null", "")
                + "0: " + ev(2_000, "run_start", "null", "")
                + "0: " + ev(3_000, "eval_accuracy", "0.80", "\"epoch_num\": 1")
                + "0: " + ev(4_000, "run_stop", "null", "\"status\": \"success\"");
        MllogRun r = run(log, resnet());
        assertTrue(r.valid(), r.invalidReason());
        assertEquals(2000.0, r.timeToTrainMs());
    }

    @Test
    void nonFiniteRunStartTimeIsInvalidAndSaysSo() throws IOException {
        String log = ev("1e999", "run_start", "null", "")
                + ev(3_000, "eval_accuracy", "0.80", "")
                + ev(4_000, "run_stop", "null", "\"status\": \"success\"");
        MllogRun r = run(log, resnet());
        assertFalse(r.valid());
        assertEquals("run_start (line 1) has no finite time_ms", r.invalidReason());
        assertTrue(Double.isNaN(r.timeToTrainMs()));
    }

    @Test
    void corruptTimeMsGivesNoAbsurdStepPercentileAndNoNegativeInitTime() throws IOException {
        StringBuilder log = new StringBuilder()
                .append(ev(1_000, "init_start", "null", ""))
                .append(ev(900, "init_stop", "null", ""))
                .append(ev(2_000, "run_start", "null", ""));
        for (int i = 1; i <= 200; i++) {
            // one corrupt time stamp: 1e19 ms; was a step p99 of 9.2e15 ms
            String t = i == 100 ? "1e19" : Long.toString(2_000 + i * 1_000L);
            log.append(ev(t, "tracked_stats", "{\"throughput\": 100.0}", "\"step\": " + i));
        }
        log.append(ev(210_000, "run_stop", "null", "\"status\": \"success\""));
        MllogRun r = run(log.toString(), List.of());
        assertTrue(Double.isNaN(r.initTimeMs()), "init time " + r.initTimeMs());
        assertTrue(r.warnings().contains("init time not measured: init_stop (line 2) is 100 ms before init_start "
                + "(line 1)"), r.warnings().toString());
        assertNotNull(r.stepTimes());
        assertEquals(1000.0, r.stepTimes().p99Ms(), 1.0);
        assertEquals(1000.0, r.stepTimes().maxMs(), 1.0);
        assertEquals(2, r.stepTimeRejected(), "the intervals to and from the corrupt time stamp");
        assertTrue(r.warnings().contains("2 impossible step time sample(s) ignored (negative, not finite or over "
                + "30 days)"), r.warnings().toString());
        assertFalse(r.valid());
        assertEquals("events out of order: tracked_stats (line 104) is 10000000000000000 s earlier than "
                + "tracked_stats (line 103), beyond the 1 s tolerance", r.invalidReason());
    }

    @Test
    void impossibleLoggedStepTimesAreCountedNotRecorded() throws IOException {
        StringBuilder log = new StringBuilder(ev(0, "run_start", "null", ""));
        for (int i = 1; i <= 10; i++) {
            log.append(ev(i, "step_time_ms", Double.toString(10.0 + i), ""));
        }
        log.append(ev(11, "step_time_ms", "-5", ""))
                .append(ev(12, "step_time_ms", "1e300", ""))
                .append(ev(13, "step_time_ms", "1e999", ""));
        MllogRun r = run(log.toString(), List.of());
        assertEquals(10, r.stepTimes().count());
        assertEquals(3, r.stepTimeRejected());
        assertEquals(20.0, r.stepTimes().maxMs(), 0.1);
    }

    @Test
    void allStepTimesImpossibleGivesNoSummaryButTheCount() throws IOException {
        String log = ev(0, "run_start", "null", "") + ev(1, "step_time_ms", "-1", "") + ev(2, "step_time_ms", "-2", "");
        MllogRun r = run(log, List.of());
        assertNull(r.stepTimes());
        assertEquals("step_time_ms", r.stepTimeSource());
        assertEquals(2, r.stepTimeRejected());
    }

    @Test
    void recorderRejectsAbsurdValues() {
        LatencyRecorder rec = new LatencyRecorder();
        assertTrue(rec.recordMs(5.0));
        assertFalse(rec.recordMs(LatencyRecorder.MAX_MS + 1));
        assertFalse(rec.recordMs(-0.001));
        assertFalse(rec.recordMs(Double.NaN));
        assertEquals(1, rec.count());
        assertEquals(3, rec.rejected());
    }
}
