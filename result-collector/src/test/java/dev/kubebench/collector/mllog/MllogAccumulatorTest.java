package dev.kubebench.collector.mllog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.catalog.mlperf.MlperfCatalog;
import dev.kubebench.catalog.spec.QualityTarget;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MllogAccumulatorTest {

    private static String ev(long t, String key, String value, String metadata) {
        return ":::MLLOG {\"namespace\": \"\", \"time_ms\": " + t + ", \"event_type\": \"POINT_IN_TIME\", \"key\": \""
                + key + "\", \"value\": " + value + ", \"metadata\": {" + metadata + "}}\n";
    }

    private static MllogRun run(String text, List<QualityTarget> targets) throws IOException {
        MllogAccumulator acc = new MllogAccumulator(targets);
        ParseStats stats = new MllogParser().parse(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), acc);
        return acc.finish(targets, stats);
    }

    private static List<QualityTarget> targets(String benchmark) {
        return MlperfCatalog.standard().find(benchmark).orElseThrow().targets();
    }

    @Test
    void stableDiffusionNeedsFidAndClipAtTheSameEvaluation() throws IOException {
        String log = ev(0, "run_start", "null", "")
                // FID good, CLIP bad
                + ev(1000, "eval_accuracy", "80.0", "\"metric\": \"FID\", \"samples_count\": 512")
                + ev(1001, "eval_accuracy", "0.10", "\"metric\": \"CLIP\", \"samples_count\": 512")
                // FID bad, CLIP good: neither evaluation meets both
                + ev(2000, "eval_accuracy", "95.0", "\"metric\": \"FID\", \"samples_count\": 1024")
                + ev(2001, "eval_accuracy", "0.16", "\"metric\": \"CLIP\", \"samples_count\": 1024")
                + ev(3000, "run_stop", "null", "\"status\": \"success\"");
        MllogRun r = run(log, targets("stable_diffusion"));
        assertEquals(Boolean.FALSE, r.targetReached());
        assertFalse(r.valid());
        assertEquals(4, r.accuracyCurve().size());
        assertEquals("FID", r.accuracyCurve().get(0).metric());
        assertEquals(512.0, r.accuracyCurve().get(0).samples());

        String good = log.replace("\"value\": 95.0", "\"value\": 85.0");
        assertEquals(Boolean.TRUE, run(good, targets("stable_diffusion")).targetReached());
    }

    @Test
    void maskrcnnSplitsBboxAndSegm() throws IOException {
        String log = ev(0, "run_start", "null", "")
                + ev(10, "eval_accuracy", "0.38", "\"metric\": \"BBOX\", \"epoch_num\": 1")
                + ev(11, "eval_accuracy", "0.33", "\"metric\": \"SEGM\", \"epoch_num\": 1")
                + ev(20, "eval_accuracy", "0.378", "\"metric\": \"BBOX\", \"epoch_num\": 2")
                + ev(21, "eval_accuracy", "0.340", "\"metric\": \"SEGM\", \"epoch_num\": 2")
                + ev(30, "run_stop", "null", "\"status\": \"success\"");
        MllogRun r = run(log, targets("maskrcnn"));
        assertEquals(Boolean.TRUE, r.targetReached());
        assertEquals(30.0 / 60_000, r.minutes(), 1e-15);
    }

    @Test
    void lastRunStartBeforeFirstRunStopAndNothingAfterIt() throws IOException {
        String log = "0: " + ev(100, "init_start", "null", "")
                + "1: " + ev(150, "run_start", "null", "")
                + "0: " + ev(200, "run_start", "null", "")
                + "0: " + ev(300, "eval_accuracy", "0.76", "\"epoch_num\": 1")
                + "0: " + ev(1200, "run_stop", "null", "\"status\": \"success\"")
                + "1: " + ev(1300, "run_stop", "null", "\"status\": \"aborted\"")
                + "0: " + ev(1400, "eval_accuracy", "0.10", "\"epoch_num\": 2");
        MllogRun r = run(log, targets("resnet"));
        assertEquals(RunOutcome.SUCCESS, r.outcome());
        assertEquals(1000.0, r.timeToTrainMs());
        assertEquals(50.0, r.initTimeMs());        // no init_stop: init ends at the first run_start
        assertEquals(1, r.accuracyCurve().size());
        assertEquals(100.0, r.accuracyCurve().get(0).elapsedMs());
        assertTrue(r.valid());
    }

    @Test
    void targetMustBeReachedBeforeRunStopAndMissingStatusIsAborted() throws IOException {
        String log = ev(0, "run_start", "null", "")
                + ev(10, "eval_accuracy", "0.5", "")
                + ev(20, "run_stop", "null", "");
        MllogRun r = run(log, targets("resnet"));
        assertEquals(RunOutcome.ABORTED, r.outcome());
        assertEquals("run_stop status missing", r.invalidReason());
        assertEquals(Boolean.FALSE, r.targetReached());
    }

    @Test
    void throughputFromBlocksAndStepTimesFromTrackedStatsIntervals() throws IOException {
        String log = ev(0, "run_start", "null", "")
                + ev(0, "block_start", "null", "\"samples_count\": 0")
                + ev(2000, "block_stop", "null", "\"samples_count\": 1000")
                + ev(2000, "block_start", "null", "\"samples_count\": 1000")
                + ev(3000, "block_stop", "null", "\"samples_count\": 2000")
                + ev(3000, "run_stop", "null", "\"status\": \"success\"");
        MllogRun r = run(log, List.of());
        assertNull(r.targetReached());
        assertEquals("blocks", r.throughputSource());
        assertEquals(2000.0 / 3.0, r.throughputSamplesPerS(), 1e-9);
        assertEquals(500.0, r.throughputSeries().get(0).samplesPerSecond(), 1e-9);
        assertEquals("blocks", r.stepTimeSource());
        assertEquals(2, r.stepTimes().count());

        String tracked = ev(0, "run_start", "null", "")
                + ev(100, "tracked_stats", "{\"throughput\": 10.0}", "\"step\": 1")
                + ev(300, "tracked_stats", "{\"throughput\": 20.0}", "\"step\": 2")
                + ev(600, "tracked_stats", "{\"throughput\": 30.0}", "\"step\": 3");
        MllogRun t = run(tracked, List.of());
        assertEquals(RunOutcome.KILLED, t.outcome());
        assertEquals("tracked_stats", t.throughputSource());
        assertEquals(20.0, t.throughputSamplesPerS(), 1e-12);
        assertEquals("tracked_stats", t.stepTimeSource());
        assertEquals(300.0, t.stepTimes().maxMs(), 0.5);
        assertEquals(200.0, t.stepTimes().p50Ms(), 0.5);
    }
}
