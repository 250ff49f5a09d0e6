package dev.kubebench.report.analysis.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.core.metric.Direction;
import dev.kubebench.report.analysis.samples.Observation;
import dev.kubebench.report.analysis.samples.RunSamples;
import dev.kubebench.report.json.TrendJson;
import dev.kubebench.report.text.TrendText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TrendAnalyzerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** 40 nightly runs of 3 trials each; from run 30 on, time_to_train_s is {@code factor} times higher. */
    private static List<RunSamples> history(double factor) {
        Random rnd = new Random(3);
        List<RunSamples> runs = new ArrayList<>();
        for (int r = 0; r < 40; r++) {
            List<Observation> obs = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                double level = 1000 * (r >= 30 ? factor : 1);
                obs.add(new Observation("time_to_train_s", "", level + rnd.nextGaussian() * 5, null));
                obs.add(new Observation("throughput_samples_per_s", "", 500 + rnd.nextGaussian(), null));
            }
            runs.add(new RunSamples(String.format("run-%02d", r), T0.plusSeconds(86400L * r), "/x", obs, null));
        }
        Collections.shuffle(runs, new Random(1));   // order comes from the start times, not the input
        return runs;
    }

    @Test
    void newestSegmentRegressionIsFlagged() {
        List<TrendSeries> series = TrendSeries.of(history(1.08), Map.of());
        assertEquals(2, series.size());
        assertEquals("run-00", series.get(0).runIds().get(0));
        List<TrendResult> results = new TrendAnalyzer(ChangePointSettings.defaults(), 5).analyze(series);
        TrendResult ttt = results.get(0);
        assertEquals("time_to_train_s", ttt.series().metric());
        assertEquals(Direction.LOWER, ttt.series().direction());
        assertEquals(1, ttt.changePoints().size());
        assertEquals(30, ttt.changePoints().get(0).index());
        assertEquals(8.0, ttt.newestChangePercent(), 0.5);
        assertTrue(ttt.regression());
        assertFalse(results.get(1).regression());
        assertTrue(results.get(1).changePoints().isEmpty());
    }

    @Test
    void improvementOrSmallShiftIsNotARegression() {
        List<TrendResult> faster = new TrendAnalyzer(ChangePointSettings.defaults(), 5)
                .analyze(TrendSeries.of(history(0.9), Map.of()));
        assertEquals(30, faster.get(0).changePoints().get(0).index());
        assertFalse(faster.get(0).regression());
        List<TrendResult> small = new TrendAnalyzer(ChangePointSettings.defaults(), 5)
                .analyze(TrendSeries.of(history(1.03), Map.of()));
        assertEquals(30, small.get(0).changePoints().get(0).index());
        assertFalse(small.get(0).regression());
    }

    @Test
    void jsonListsChangePointsWithRunIds() {
        List<TrendResult> results = new TrendAnalyzer(ChangePointSettings.defaults(), 5)
                .analyze(TrendSeries.of(history(1.08), Map.of()));
        JsonNode root = JsonMapper.builder().build().readTree(TrendJson.render(results,
                ChangePointSettings.defaults()));
        JsonNode cp = root.get("series").get(0).get("changePoints").get(0);
        assertEquals(30, cp.get("index").asInt());
        assertEquals("run-30", cp.get("runId").asString());
        assertTrue(root.get("series").get(0).get("regression").asBoolean());
        String text = TrendText.render(results, ChangePointSettings.defaults());
        assertTrue(text.contains("change at run 30 (run-30)"), text);
        assertTrue(text.contains("REGRESSION"), text);
    }

    /** 40 runs; from run 30 on, energy per sample rises and GPU utilization falls by 10 %. */
    @Test
    void risingEnergyPerSampleAndFallingGpuUtilizationAreRegressions() {
        Random rnd = new Random(5);
        List<RunSamples> runs = new ArrayList<>();
        for (int r = 0; r < 40; r++) {
            double f = r >= 30 ? 1.10 : 1.0;
            List<Observation> obs = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                obs.add(new Observation("energy_per_sample_j", "", 0.7 * f + rnd.nextGaussian() * 0.002, null));
                obs.add(new Observation("gpu_util_mean_pct", "", 90 / f + rnd.nextGaussian() * 0.2, null));
            }
            runs.add(new RunSamples(String.format("run-%02d", r), T0.plusSeconds(86400L * r), "/x", obs, null));
        }
        List<TrendResult> results = new TrendAnalyzer(ChangePointSettings.defaults(), 5)
                .analyze(TrendSeries.of(runs, Map.of()));
        for (TrendResult t : results) {
            assertEquals(t.series().metric().equals("energy_per_sample_j") ? Direction.LOWER : Direction.HIGHER,
                    t.series().direction(), t.series().metric());
            assertEquals(30, t.changePoints().get(0).index(), t.series().metric());
            assertTrue(t.regression(), t.series().metric() + " got worse");
        }
        assertEquals(2, results.size());
    }
}
