package dev.kubebench.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.report.Fixtures;
import dev.kubebench.report.RunReport;
import dev.kubebench.report.analysis.aggregate.SweepPoint;
import dev.kubebench.report.analysis.aggregate.SweepPoints;
import java.util.List;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

class ChartDatasetsTest {
    private static final double EPS = 1e-9;
    private final RunReport sweep = Fixtures.sweep();
    private final List<SweepPoint> points = SweepPoints.of(sweep);

    @Test
    void throughputHasMinMedianMaxPerPointOverSucceededTrials() {
        DefaultCategoryDataset d = ChartDatasets.throughputByPoint(points);
        assertEquals(List.of("min", "median", "max"), d.getRowKeys());
        assertEquals(List.of("workers=1, batchSize=256", "workers=2, batchSize=256", "workers=4, batchSize=256"),
                d.getColumnKeys());
        assertEquals(1000, d.getValue("min", "workers=1, batchSize=256").doubleValue(), EPS);
        assertEquals(1005, d.getValue("median", "workers=1, batchSize=256").doubleValue(), EPS);
        assertEquals(1010, d.getValue("max", "workers=1, batchSize=256").doubleValue(), EPS);
        // workers=2: trial 3 failed, so min = median = max = trial 2
        assertEquals(1900, d.getValue("max", "workers=2, batchSize=256").doubleValue(), EPS);
        // workers=4: only trial 4 (trial 5 unschedulable)
        assertEquals(3400, d.getValue("median", "workers=4, batchSize=256").doubleValue(), EPS);
    }

    @Test
    void accuracyCurvesOnePerTrialInMinutes() {
        XYSeriesCollection d = ChartDatasets.accuracyCurves(sweep);
        assertEquals(5, d.getSeriesCount(), "every trial with a curve, including the failed one");
        XYSeries s = d.getSeries(0);
        assertEquals("trial 0 (workers=1, batchSize=256)", s.getKey());
        assertEquals(5, s.getItemCount());
        assertEquals(12.0, s.getX(0).doubleValue(), EPS, "3600 s / 5 = 720 s = 12 min");
        assertEquals(0.553, s.getY(0).doubleValue(), EPS);
        assertEquals(60.0, s.getX(4).doubleValue(), EPS);
    }

    @Test
    void stepTimePercentilesAreMediansPerPoint() {
        DefaultCategoryDataset d = ChartDatasets.stepTimePercentiles(points);
        assertEquals(List.of("p50", "p90", "p99", "p99.9", "max"), d.getColumnKeys());
        assertEquals(3, d.getRowCount());
        assertEquals(250.5, d.getValue("workers=1, batchSize=256", "p50").doubleValue(), EPS);
        assertEquals(400.5, d.getValue("workers=1, batchSize=256", "max").doubleValue(), EPS);
        assertEquals(75.0, d.getValue("workers=4, batchSize=256", "p99").doubleValue(), EPS);
    }

    @Test
    void podTimelineHasQueuedStartingRunningPerPod() {
        PodTimeline t = ChartDatasets.podTimeline(sweep);
        // pods: 2x(master+1) + 2x(master+2) + (master+4) + one row for the unschedulable trial, which has no pod events
        assertEquals(2 * 2 + 2 * 3 + 5 + 1, t.rows().size());
        assertEquals("#0 job-master-0", t.rows().get(0));
        assertEquals(ChartDatasets.PHASES, List.of(t.dataset().getSeriesKey(0), t.dataset().getSeriesKey(1),
                t.dataset().getSeriesKey(2)));
        XYIntervalSeries queued = t.dataset().getSeries(0);
        XYIntervalSeries starting = t.dataset().getSeries(1);
        XYIntervalSeries running = t.dataset().getSeries(2);
        assertEquals(0.0, queued.getXLowValue(0), EPS);
        assertEquals(12.0, queued.getXHighValue(0), EPS, "submitted -> pod_scheduled");
        assertEquals(12.0, starting.getXLowValue(0), EPS);
        assertEquals(40.0, starting.getXHighValue(0), EPS, "pod_scheduled -> pod_started");
        assertEquals(900.0, running.getXHighValue(0), EPS, "pod_started -> finished");
        assertEquals(0.0, queued.getYValue(0), EPS);
        // the unschedulable trial is queued until Kueue admitted it, then starts until it finished, and never runs
        int lastRow = t.rows().size() - 1;
        assertEquals("#5 (trial)", t.rows().get(lastRow));
        int last = queued.getItemCount() - 1;
        assertEquals(lastRow, queued.getYValue(last), EPS);
        assertEquals(5000.0, queued.getXLowValue(last), EPS);
        assertEquals(5003.0, queued.getXHighValue(last), EPS);
        assertEquals(5600.0, starting.getXHighValue(starting.getItemCount() - 1), EPS);
        assertEquals(lastRow - 1, running.getYValue(running.getItemCount() - 1), EPS);
    }

    @Test
    void scalingUsesTheSweptWorkersWithAnIdealLine() {
        Scaling s = ChartDatasets.scaling(points).orElseThrow();
        assertEquals("workers", s.scaleKey(), "workers is in the point; gpus only in labels");
        assertEquals("throughput_samples_per_s", s.metric());
        XYSeriesCollection d = s.dataset();
        assertEquals(2, d.getSeriesCount());
        assertEquals("batchSize=256", d.getSeriesKey(0));
        assertEquals("ideal (linear)", d.getSeriesKey(1));
        assertEquals(4.0, d.getSeries(0).getX(2).doubleValue(), EPS);
        assertEquals(3400.0, d.getSeries(0).getY(2).doubleValue(), EPS);
        assertEquals(1005.0 * 4, d.getSeries(1).getY(2).doubleValue(), EPS);
    }

    @Test
    void noScalingChartWithoutAScaleSweep() {
        assertTrue(ChartDatasets.scaling(SweepPoints.of(Fixtures.hostile())).isEmpty());
    }

    @Test
    void datasetsStayBoundedForThousandsOfTrials() {
        RunReport large = Fixtures.large(5000);
        List<SweepPoint> p = SweepPoints.of(large);
        assertEquals(8, ChartDatasets.throughputByPoint(p).getColumnCount());
        XYSeriesCollection curves = ChartDatasets.accuracyCurves(large);
        assertEquals(ChartDatasets.MAX_CURVES, curves.getSeriesCount());
        PodTimeline t = ChartDatasets.podTimeline(large);
        assertEquals(ChartDatasets.MAX_PODS, t.rows().size());
        assertEquals(5000 * 3, t.totalRows());
        Scaling s = ChartDatasets.scaling(p).orElseThrow();
        assertEquals("gpus", s.scaleKey());
        assertEquals(8, s.dataset().getSeries(0).getItemCount());
    }
}
