package dev.kubebench.collector.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reductions on hand-made series: counter resets, XID changes, nearest-rank p10, gaps. */
class ReductionTest {
    static Series series(String uuid, double... values) {
        List<Series.Point> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new Series.Point(i * 1000L, values[i]));
        }
        return new Series(Map.of("UUID", uuid, "pod", "p"), points);
    }

    @Test
    void increaseCountsAcrossACounterReset() {
        // 100 → 300 (+200), reset to 50 (+50 since the reset), → 80 (+30)
        assertEquals(280.0, Reduction.INCREASE.apply(List.of(series("a", 100, 300, 50, 80))));
    }

    @Test
    void integralIsTrapezoidsInValueSecondsAndSkipsGaps() {
        assertEquals(300.0, Reduction.INTEGRAL.apply(List.of(series("a", 100, 100, 100, 100))));
        assertEquals(100.0, Reduction.INTEGRAL.apply(List.of(series("a", 100, 100, Double.NaN, 100))));
    }

    @Test
    void changesCountNonZeroXidCodesOnce() {
        assertEquals(2.0, Reduction.CHANGES.apply(List.of(series("a", 0, 79, 79, 0, 48))));
        assertEquals(1.0, Reduction.CHANGES.apply(List.of(series("a", 13, 13))));
    }

    @Test
    void p10IsTheNearestRankOverEveryPointOfEveryGpu() {
        double[] v = new double[20];
        for (int i = 0; i < v.length; i++) {
            v[i] = i + 1;
        }
        assertEquals(2.0, Reduction.P10.apply(List.of(series("a", v))));
        assertEquals(2.0, Reduction.SERIES.apply(List.of(series("a", 1), series("b", 1), series("a", 2))));
    }

    @Test
    void noSeriesIsNaNSoTheMetricIsLeftOut() {
        for (Reduction r : Reduction.values()) {
            assertTrue(Double.isNaN(r.apply(List.of())), r.jsonName());
            assertTrue(Double.isNaN(r.apply(List.of(series("a", Double.NaN)))), r.jsonName());
        }
    }
}
