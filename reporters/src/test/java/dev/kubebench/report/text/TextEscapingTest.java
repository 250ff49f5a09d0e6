package dev.kubebench.report.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.core.metric.Direction;
import dev.kubebench.report.Fixtures;
import dev.kubebench.report.analysis.plan.CapacityPlan;
import dev.kubebench.report.analysis.plan.CapacityPlanner;
import dev.kubebench.report.analysis.plan.CapacityPlannerTest;
import dev.kubebench.report.analysis.plan.Measurement;
import dev.kubebench.report.analysis.plan.PlanSettings;
import dev.kubebench.report.analysis.trend.ChangePointSettings;
import dev.kubebench.report.analysis.trend.TrendResult;
import dev.kubebench.report.analysis.trend.TrendSeries;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 12 item 8: the terminal formats print text from specs, logs and measurements with controls escaped. */
class TextEscapingTest {
    private static void assertNoRawControls(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            assertTrue(c == '\n' || (c >= 0x20 && c != 0x7f && !(c >= 0x80 && c <= 0x9f)),
                    "raw U+" + Integer.toHexString(c) + " at " + i + " in " + text);
        }
    }

    @Test
    void planTextEscapesPoolNames() {
        List<Measurement> m = new ArrayList<>();
        for (int n = 1; n <= 8; n *= 2) {
            m.add(new Measurement("h100\u001b[2J\nfake", n, 1000.0 * n, 3600.0 / n, "gpu\u0007"));
        }
        CapacityPlan plan = new CapacityPlanner(new PlanSettings(2 * 3600, Double.NaN, 0, 2),
                CapacityPlannerTest.prices()).plan(m);
        String text = PlanText.render(plan);
        assertNoRawControls(text);
        assertTrue(text.contains("pool h100\\e[2J\\nfake (gpu\\x07)"), text);
    }

    @Test
    void trendTextEscapesMetricsPointsAndRunIds() {
        TrendSeries series = new TrendSeries("loss\u001b[31m", "model=a\nb", Direction.LOWER,
                List.of("r1\u009b", "r2"), List.of(Fixtures.T0, Fixtures.T0.plusSeconds(60)), new double[] {1, 2});
        String text = TrendText.render(List.of(new TrendResult(series, List.of(), Double.NaN, false, 5)),
                ChangePointSettings.defaults());
        assertNoRawControls(text);
        assertEquals("loss\\e[31m[model=a\\nb] (lower is better, 2 runs)", text.lines().findFirst().orElseThrow());
    }
}
