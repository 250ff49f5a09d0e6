package dev.kubebench.report.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.core.error.KubebenchException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PlanOutputTest {
    private static CapacityPlan plan() {
        return new CapacityPlanner(new PlanSettings(2 * 3600, Double.NaN, 0, 2), CapacityPlannerTest.prices())
                .plan(CapacityPlannerTest.twoPools());
    }

    @Test
    void jsonHasTheFitPerPool() {
        JsonNode root = JsonMapper.builder().build().readTree(PlanFormat.JSON.render(plan()));
        JsonNode h = root.get("pools").get(0);
        assertEquals("h100", h.get("pool").asString());
        assertEquals(0.05, h.get("sigma").asDouble(), 1e-8);
        assertEquals(0.0005, h.get("kappa").asDouble(), 1e-10);
        assertEquals(1000, h.get("lambda").asDouble(), 1e-5);
        assertEquals(1.0, h.get("r2").asDouble(), 1e-9);
        assertEquals(Math.sqrt(0.95 / 0.0005), h.get("peak_gpus").asDouble(), 1e-5);
        assertEquals("USD", root.get("cost_unit").asString());
        assertEquals(8, root.get("cheapest").get("gpus").asInt());
    }

    @Test
    void csvHasOneRowPerScale() throws Exception {
        String csv = PlanFormat.CSV.render(plan());
        List<String> lines = csv.lines().toList();
        assertEquals(String.join(",", PlanCsv.HEADER), lines.get(0));
        // 7 measured + 3 projected per pool (h100: 44, 128, 256; a100: N* = sqrt(0.98/0.001) = 31, 128, 256)
        assertEquals(1 + 2 * 10, lines.size());
        assertTrue(lines.get(1).startsWith("h100,1,measured,1000.0,"), lines.get(1));
    }

    @Test
    void htmlEmbedsBothChartsAndChartDatasetsHoldThePlan() {
        CapacityPlan plan = plan();
        String html = PlanFormat.HTML.render(plan);
        assertEquals(2, html.split("data:image/png;base64,", -1).length - 1);
        assertTrue(html.contains("<h2>Pool h100</h2>"));
        XYSeriesCollection measured = PlanCharts.measured(plan);
        assertEquals(2, measured.getSeriesCount());
        assertEquals(7, measured.getSeries(0).getItemCount());
        assertEquals(1000.0, measured.getSeries(0).getY(0).doubleValue(), 1e-9);
        YIntervalSeriesCollection fit = PlanCharts.fit(plan);
        assertEquals(CapacityPlannerTest.FAST.throughput(128), fit.getYValue(0, indexOf(fit, 0, 128)), 1e-6);
        XYSeriesCollection frontier = PlanCharts.frontier(plan);
        assertEquals(plan.frontier().size(), frontier.getSeries(0).getItemCount());
        String text = PlanFormat.TEXT.render(plan);
        assertTrue(text.contains("Cheapest configuration meeting 2h00m00s: pool h100 with 8 GPUs"), text);
    }

    private static int indexOf(YIntervalSeriesCollection c, int series, double x) {
        for (int i = 0; i < c.getItemCount(series); i++) {
            if (c.getXValue(series, i) == x) {
                return i;
            }
        }
        throw new AssertionError("no x = " + x);
    }

    @Test
    void csvInputErrorsNameFileAndLine() {
        KubebenchException e = assertThrows(KubebenchException.class, () -> MeasurementCsv.parse(
                new StringReader("pool,gpus,throughput_samples_per_s\na,1,100\na,two,200\n"), "m.csv"));
        assertEquals("m.csv:3: gpus: not a whole number: 'two'", e.getMessage());
        KubebenchException missing = assertThrows(KubebenchException.class, () -> MeasurementCsv.parse(
                new StringReader("pool,gpus\na,1\n"), "m.csv"));
        assertTrue(missing.getMessage().startsWith("m.csv:1: missing column 'throughput_samples_per_s'"));
        KubebenchException negative = assertThrows(KubebenchException.class, () -> MeasurementCsv.parse(
                new StringReader("pool,gpus,throughput_samples_per_s,time_to_train_s\na,1,100,-5\n"), "m.csv"));
        assertEquals("m.csv:2: time_to_train_s: must be positive, got -5", negative.getMessage());
    }

    @Test
    void csvInputWithOptionalColumnsAndComments() throws Exception {
        List<Measurement> m = MeasurementCsv.parse(new StringReader(
                "# measured 2026-11-01\npool,gpus,throughput_samples_per_s,time_to_train_s,gpu_type,note\n"
                + "h100, 8, 7000.5, 5000, NVIDIA-H100, first\nh100,16,13000,,NVIDIA-H100,\n"), "m.csv");
        assertEquals(2, m.size());
        assertEquals(new Measurement("h100", 8, 7000.5, 5000, "NVIDIA-H100"), m.get(0));
        assertTrue(Double.isNaN(m.get(1).timeToTrainSeconds()));
    }

    @Test
    void priceTableLoadsAndRejectsBadEntries(@TempDir Path dir) throws Exception {
        Path ok = dir.resolve("prices.yaml");
        Files.writeString(ok, "currency: EUR\nprices:\n  - pool: h100\n    perGpuHour: 3.5\n"
                + "  - gpuType: A100\n    perGpuHour: 1.25\n");
        PriceTable t = PriceTable.load(ok);
        assertEquals("EUR", t.currency());
        assertEquals(3.5, t.perGpuHour("h100", "A100").orElseThrow());
        assertEquals(1.25, t.perGpuHour("other", "A100").orElseThrow());
        assertTrue(t.perGpuHour("other", null).isEmpty());
        Path unknown = dir.resolve("bad.yaml");
        Files.writeString(unknown, "prices:\n  - pool: h100\n    perGpuHr: 3.5\n");
        KubebenchException e = assertThrows(KubebenchException.class, () -> PriceTable.load(unknown));
        assertTrue(e.getMessage().startsWith(unknown + ":3:"), e.getMessage());
        assertTrue(e.getMessage().contains("perGpuHr"), e.getMessage());
        Path both = dir.resolve("both.yaml");
        Files.writeString(both, "prices:\n  - pool: h100\n    gpuType: H100\n    perGpuHour: 3.5\n");
        assertEquals(both + ": prices[0]: set exactly one of pool and gpuType",
                assertThrows(KubebenchException.class, () -> PriceTable.load(both)).getMessage());
    }
}
