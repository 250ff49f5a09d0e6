package dev.kubebench.report.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.report.analysis.plan.CapacityPlan;
import dev.kubebench.report.analysis.plan.CapacityPlanner;
import dev.kubebench.report.analysis.plan.CapacityPlannerTest;
import dev.kubebench.report.analysis.plan.PlanSettings;
import dev.kubebench.report.analysis.plan.Measurement;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanCsvTest {
    private static CapacityPlan plan() {
        return new CapacityPlanner(new PlanSettings(2 * 3600, Double.NaN, 0, 2), CapacityPlannerTest.prices())
                .plan(CapacityPlannerTest.twoPools());
    }

    @Test
    void csvHasOneRowPerScale() throws Exception {
        String csv = PlanCsv.render(plan());
        List<String> lines = csv.lines().toList();
        assertEquals(String.join(",", PlanCsv.HEADER), lines.get(0));
        // 7 measured + 3 projected per pool (h100: 44, 128, 256; a100: N* = sqrt(0.98/0.001) = 31, 128, 256)
        assertEquals(1 + 2 * 10, lines.size());
        assertTrue(lines.get(1).startsWith("h100,1,measured,1000.0,"), lines.get(1));
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
    void csvInputReadsTheEnergyPerSample() throws Exception {
        List<Measurement> m = MeasurementCsv.parse(new java.io.StringReader(
                "pool,gpus,throughput_samples_per_s,energy_per_sample_j\nh100,8,8000,0.7\nh100,16,15000,\n"), "m.csv");
        assertEquals(0.7, m.get(0).energyPerSampleJoules());
        assertTrue(Double.isNaN(m.get(1).energyPerSampleJoules()));
        KubebenchException bad = assertThrows(KubebenchException.class, () -> MeasurementCsv.parse(
                new java.io.StringReader("pool,gpus,throughput_samples_per_s,energy_per_sample_j\nh100,8,8000,-1\n"),
                "m.csv"));
        assertEquals("m.csv:2: energy_per_sample_j: must be positive, got -1", bad.getMessage());
    }
}
