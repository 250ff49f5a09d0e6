package dev.kubebench.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.report.Fixtures;
import dev.kubebench.report.GpuUtilPoint;
import dev.kubebench.report.TrialReport;
import java.util.ArrayList;
import java.util.List;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;

class GpuUtilChartTest {
    private static final long T = 1_796_119_200_000L;
    private static final double EPS = 1e-9;

    private static TrialReport trial(List<GpuUtilPoint> points) {
        TrialReport t = Fixtures.sweep().trials().get(0);
        return new TrialReport(t.result(), t.events(), points);
    }

    @Test
    void noTelemetryNoChart() {
        assertFalse(GpuUtilChart.of(Fixtures.sweep().trials().get(0)).isPresent());
    }

    @Test
    void aLinePerGpuInSecondsSinceTheFirstSampleInIndexOrder() {
        List<GpuUtilPoint> points = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            points.add(new GpuUtilPoint(T + s * 1000L, "10", 50 + s));
            points.add(new GpuUtilPoint(T + s * 1000L, "2", 90));
        }
        GpuUtilChart c = GpuUtilChart.of(trial(points)).orElseThrow();
        assertFalse(c.band());
        assertEquals(2, c.gpus());
        XYSeriesCollection d = (XYSeriesCollection) c.dataset();
        assertEquals(List.of("GPU 2", "GPU 10"), List.of(d.getSeriesKey(0), d.getSeriesKey(1)));
        assertEquals(3, d.getSeries(1).getItemCount());
        assertEquals(2.0, d.getXValue(1, 2), EPS);
        assertEquals(52.0, d.getYValue(1, 2), EPS);
        assertTrue(ChartRenderer.png(ChartRenderer.gpuUtilization(c), 300, 200).length > 0);
    }

    @Test
    void manyGpusBecomeAMinMedianMaxBand() {
        List<GpuUtilPoint> points = new ArrayList<>();
        for (int gpu = 0; gpu < 16; gpu++) {
            points.add(new GpuUtilPoint(T, Integer.toString(gpu), gpu * 5.0));
            points.add(new GpuUtilPoint(T + 5000, Integer.toString(gpu), 100.0));
        }
        GpuUtilChart c = GpuUtilChart.of(trial(points)).orElseThrow();
        assertTrue(c.band());
        assertEquals(16, c.gpus());
        YIntervalSeriesCollection d = (YIntervalSeriesCollection) c.dataset();
        assertEquals(1, d.getSeriesCount());
        assertEquals(0.0, d.getXValue(0, 0), EPS);
        assertEquals(0.0, d.getStartYValue(0, 0), EPS, "least busy GPU");
        assertEquals(75.0, d.getEndYValue(0, 0), EPS, "most busy GPU");
        assertEquals(37.5, d.getYValue(0, 0), EPS, "median of 0, 5, ..., 75");
        assertEquals(5.0, d.getXValue(0, 1), EPS);
        assertEquals(100.0, d.getYValue(0, 1), EPS);
        assertTrue(ChartRenderer.png(ChartRenderer.gpuUtilization(c), 300, 200).length > 0);
    }

    @Test
    void aLongTrialIsBoundedByBucketsThatAverageTheirSamples() {
        List<GpuUtilPoint> points = new ArrayList<>();
        for (int s = 0; s < 36_000; s++) {
            points.add(new GpuUtilPoint(T + s * 1000L, "0", s % 2 == 0 ? 100 : 0));
        }
        XYSeriesCollection d = (XYSeriesCollection) GpuUtilChart.of(trial(points)).orElseThrow().dataset();
        int n = d.getSeries(0).getItemCount();
        assertTrue(n <= GpuUtilChart.MAX_BUCKETS && n > GpuUtilChart.MAX_BUCKETS / 2, n + " points");
        assertEquals(50.0, d.getYValue(0, 0), EPS, "a bucket of 90 alternating samples averages them");
    }
}
