package dev.kubebench.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.report.analysis.plan.CapacityPlan;
import dev.kubebench.report.analysis.plan.CapacityPlanner;
import dev.kubebench.report.analysis.plan.CapacityPlannerTest;
import dev.kubebench.report.analysis.plan.PlanSettings;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;

class PlanHtmlTest {
    private static CapacityPlan plan() {
        return new CapacityPlanner(new PlanSettings(2 * 3600, Double.NaN, 0, 2), CapacityPlannerTest.prices())
                .plan(CapacityPlannerTest.twoPools());
    }

    @Test
    void htmlEmbedsBothChartsAndChartDatasetsHoldThePlan() {
        CapacityPlan plan = plan();
        String html = PlanHtml.render(plan);
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
    }

    @Test
    void planPageHasTheRunReportsContentSecurityPolicy() {
        String html = PlanHtml.render(plan());
        String head = html.substring(0, html.indexOf("</head>"));
        assertTrue(head.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"" + HtmlReporter.CSP + "\">"),
                head);
    }

    private static int indexOf(YIntervalSeriesCollection c, int series, double x) {
        for (int i = 0; i < c.getItemCount(series); i++) {
            if (c.getXValue(series, i) == x) {
                return i;
            }
        }
        throw new AssertionError("no x = " + x);
    }
}
