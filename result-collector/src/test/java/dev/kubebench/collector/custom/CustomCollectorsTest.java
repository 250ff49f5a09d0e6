package dev.kubebench.collector.custom;

import dev.kubebench.core.metric.MetricNames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.catalog.spec.CollectSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomCollectorsTest {

    @Test
    void jmhSampleModeGivesPercentiles(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("jmh.json");
        Files.writeString(f, "[{\"jmhVersion\": \"1.37\", \"benchmark\": \"dev.kubebench.benchmarks.MllogParseBenchmark"
                + ".parseAndAccumulate\", \"mode\": \"sample\", \"threads\": 1, \"primaryMetric\": {\"score\": 210.5, "
                + "\"scoreError\": \"NaN\", \"scorePercentiles\": {\"0.0\": 190.0, \"50.0\": 205.0, \"90.0\": 230.0, "
                + "\"95.0\": 240.0, \"99.0\": 260.0, \"99.9\": 280.0, \"100.0\": 300.0}, \"scoreUnit\": \"ms/op\", "
                + "\"rawData\": [[1.0]]}, \"secondaryMetrics\": {}}]");
        List<JmhResult> results = JmhResultCollector.read(f);
        assertEquals(1, results.size());
        Map<String, Double> m = JmhResultCollector.metrics(results);
        assertEquals(Map.of("mllog_parse_benchmark_parse_and_accumulate_score_ms_per_op", 210.5,
                "mllog_parse_benchmark_parse_and_accumulate_p50_ms_per_op", 205.0,
                "mllog_parse_benchmark_parse_and_accumulate_p90_ms_per_op", 230.0,
                "mllog_parse_benchmark_parse_and_accumulate_p99_ms_per_op", 260.0,
                "mllog_parse_benchmark_parse_and_accumulate_p999_ms_per_op", 280.0,
                "mllog_parse_benchmark_parse_and_accumulate_max_ms_per_op", 300.0), m);

        Files.writeString(f, "{\"not\": \"jmh\"}");
        KubebenchException e = assertThrows(KubebenchException.class, () -> JmhResultCollector.read(f));
        assertTrue(e.getMessage().endsWith("not JMH JSON (expected an array of results)"), e.getMessage());
    }

    @Test
    void extractorPercentilesAndBadRules() {
        LogMetricExtractor x = new LogMetricExtractor(new CollectSpec.Extract(List.of(
                new CollectSpec.MetricRule("step_time_ms", "step took (?<value>\\d+) ms", null, "ms", "percentiles"),
                new CollectSpec.MetricRule("samples", null, "stats.samples", null, "sum"))));
        for (int i = 1; i <= 1000; i++) {
            x.line("rank0 step took " + i + " ms");
            x.line("{\"stats\": {\"samples\": 2}}");
        }
        x.line("{broken");
        Map<String, Double> m = x.metrics();
        assertEquals(500.0, m.get("step_time_p50_ms"), 0.5);
        assertEquals(990.0, m.get("step_time_p99_ms"), 1.0);
        assertEquals(1000.0, m.get("step_time_max_ms"), 1.0);
        assertEquals(2000.0, m.get("samples"));
        assertEquals(1, x.malformedJsonLines());

        KubebenchException e = assertThrows(KubebenchException.class, () -> new LogMetricExtractor(
                new CollectSpec.Extract(List.of(new CollectSpec.MetricRule("x", "(\\d+)", null, null, null)))));
        assertEquals("collect.extract.metrics[0].regex: needs a named group (?<value>...)", e.getMessage());
        e = assertThrows(KubebenchException.class, () -> new LogMetricExtractor(new CollectSpec.Extract(List.of(
                new CollectSpec.MetricRule("x", null, "a.b", null, "median")))));
        assertTrue(e.getMessage().startsWith("collect.extract.metrics[0].aggregate: unknown 'median'"));
    }

    @Test
    void metricNames() {
        assertEquals("step_time_p99_ms", MetricNames.withStatistic("step_time_ms", "p99"));
        assertEquals("throughput_p50_samples_per_s", MetricNames.withStatistic("throughput_samples_per_s", "p50"));
        assertEquals("loss_p50", MetricNames.withStatistic("loss", "p50"));
        assertEquals("ops_per_s", MetricNames.sanitize("ops/s"));
    }
}
