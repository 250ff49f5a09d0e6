package dev.kubebench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.report.analysis.plan.CapacityPlan;
import dev.kubebench.report.analysis.plan.CapacityPlanner;
import dev.kubebench.report.analysis.plan.CapacityPlannerTest;
import dev.kubebench.report.analysis.plan.PlanSettings;
import dev.kubebench.report.analysis.plan.PriceTable;
import dev.kubebench.report.csv.PlanCsv;
import dev.kubebench.report.html.PlanHtml;
import dev.kubebench.report.json.PlanJson;
import dev.kubebench.report.text.PlanText;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void textNamesTheCheapestConfiguration() {
        String text = PlanFormat.TEXT.render(plan());
        assertTrue(text.contains("Cheapest configuration meeting 2h00m00s: pool h100 with 8 GPUs"), text);
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

    @Test
    void energyColumnsAppearInTextCsvHtmlAndJsonOnlyWithEnergyMeasurements() {
        CapacityPlan plan = new CapacityPlanner(new PlanSettings(Double.NaN, Double.NaN, 0, 2, 0.12),
                CapacityPlannerTest.prices()).plan(CapacityPlannerTest.withEnergy());
        String text = PlanText.render(plan);
        assertTrue(text.contains("J/sample") && text.contains("energy (kWh)") && text.contains("energy cost (USD)"),
                text);
        String html = PlanHtml.render(plan);
        assertTrue(html.contains("<th>energy cost (USD)</th>"), html);
        String csv = PlanCsv.render(plan);
        assertTrue(csv.lines().findFirst().orElseThrow().endsWith(",energy_per_sample_j,energy_kwh,energy_cost"));
        assertTrue(PlanJson.render(plan).contains("\"energy_cost_unit\" : \"USD\""));
        String plain = PlanText.render(plan());
        assertFalse(plain.contains("J/sample"), "no energy measured, no energy columns");
        assertFalse(PlanHtml.render(plan()).contains("energy"), "no energy columns in HTML either");
    }
}
