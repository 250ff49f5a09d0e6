package dev.kubebench.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LiveMetricTest {
    private static final Path SHARED = Path.of(System.getProperty("kubebench.shared"));

    @Test
    void readsThroughputAndAccuracyFromARealSubmissionLog() throws Exception {
        List<String> lines = Files.readAllLines(
                SHARED.resolve("mlperf-logs/3.0/Dell/XE9680x8H100-SXM-80GB/resnet/result_0.txt"),
                StandardCharsets.ISO_8859_1);
        List<LiveMetric> metrics = lines.stream().map(l -> l.replace("\r", "")).map(LiveMetric::fromLogLine)
                .flatMap(Optional::stream).collect(Collectors.toList());
        assertEquals(new LiveMetric("throughput", 55495.095631356846, "samples/s"), metrics.get(0));
        LiveMetric last = metrics.get(metrics.size() - 1);
        assertEquals(new LiveMetric("eval_accuracy", 0.75934, ""), last, "the run's final evaluation");
        assertTrue(metrics.stream().anyMatch(m -> m.key().equals("eval_accuracy") && m.value() == 0.3206));
    }

    @Test
    void acceptsRankPrefixesAndIgnoresEverythingElse() {
        assertEquals(Optional.of(new LiveMetric("eval_accuracy", 0.5, "")), LiveMetric.fromLogLine(
                "0: :::MLLOG {\"namespace\": \"\", \"time_ms\": 1, \"event_type\": \"POINT_IN_TIME\", "
                        + "\"key\": \"eval_accuracy\", \"value\": 0.5, \"metadata\": {\"epoch_num\": 1}}"));
        assertEquals(Optional.empty(), LiveMetric.fromLogLine("eval_accuracy 0.5 without the MLLOG marker"));
        assertEquals(Optional.empty(), LiveMetric.fromLogLine(":::MLLOG {\"key\": \"tracked_stats\", broken"));
        assertEquals(Optional.empty(), LiveMetric.fromLogLine(
                ":::MLLOG {\"key\": \"tracked_stats\", \"value\": {\"loss\": 1.0}}"));
    }
}
