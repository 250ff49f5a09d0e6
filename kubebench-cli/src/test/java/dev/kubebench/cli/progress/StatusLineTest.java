package dev.kubebench.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StatusLineTest {
    /** A clock the test moves. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-28T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void phaseAndMetricTextAreEscapedSoTheLineStaysOneLine() {
        assertEquals("trial 1/1 Pending\\e[2J\\n 00:00 acc\\x07 0.5000 \\e[31m",
                StatusLine.format(1, 1, "Pending\u001b[2J\n", 0, 0, Duration.ZERO,
                        new LiveMetric("acc\u0007", 0.5, "\u001b[31m")));
    }

    @Test
    void formatsTheExampleLine() {
        assertEquals("trial 2/6 running 2/2 replicas 00:41 throughput 123.4 samples/s",
                StatusLine.format(2, 6, "running", 2, 2, Duration.ofSeconds(41),
                        new LiveMetric("throughput", 123.44, "samples/s")));
    }

    @Test
    void omitsUnknownReplicasAndMetricAndShowsHours() {
        assertEquals("trial 1/1 starting 1:02:03", StatusLine.format(1, 1, "starting", 0, 0,
                Duration.ofSeconds(3723), null));
        assertEquals("trial 1/3 running 1/2 replicas 10:00 eval_accuracy 0.9533", StatusLine.format(1, 3, "running",
                1, 2, Duration.ofMinutes(10), new LiveMetric("eval_accuracy", 0.95333, "")));
    }

    @Test
    void anEndedTrialCountsItsReplicasAsDone() {
        assertEquals("trial 1/1 succeeded 2/2 replicas done 00:30", StatusLine.format(1, 1, "succeeded", 0, 2,
                Duration.ofSeconds(30), null));
        assertEquals("trial 2/2 failed 3/3 replicas done 00:05", StatusLine.format(2, 2, "failed", 0, 3,
                Duration.ofSeconds(5), null));
    }

    @Test
    void followsProgressAndTheLatestMetricFromLogLines() {
        ManualClock clock = new ManualClock();
        StatusLine status = new StatusLine(3, 4, clock);
        status.phase("running");
        status.replicas(2, 2);
        status.logLine("j-master-0", ":::MLLOG {\"namespace\": \"\", \"time_ms\": 1, \"event_type\": \"POINT_IN_TIME\","
                + " \"key\": \"tracked_stats\", \"value\": {\"throughput\": 55495.09}, \"metadata\": {\"step\": 1}}");
        status.logLine("j-master-0", ":::MLLOG {\"namespace\": \"\", \"time_ms\": 1, \"event_type\": \"POINT_IN_TIME\","
                + " \"key\": \"step_time_ms\", \"value\": 12.5, \"metadata\": {\"step\": 1}}");
        status.logLine("j-worker-0", "plain output");
        clock.now = clock.now.plusSeconds(75);
        assertEquals("trial 3/4 running 2/2 replicas 01:15 throughput 55495.1 samples/s", status.render());
    }
}
