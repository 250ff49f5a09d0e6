package dev.kubebench.report.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MedianIntervalTest {

    /** benchstat: "need >= 6 samples for confidence interval at level 0.95" (1/32 > 0.025 >= 1/64). */
    @Test
    void needsSixSamplesAtNinetyFivePercent() {
        assertEquals(6, MedianInterval.minimumSampleSize(0.95));
        assertFalse(MedianInterval.of(new double[] {1, 2, 3, 4, 5}, 0.95).hasInterval());
        MedianInterval six = MedianInterval.of(new double[] {6, 1, 5, 2, 4, 3}, 0.95);
        assertTrue(six.hasInterval());
        assertEquals(3.5, six.median());
        assertEquals(1.0, six.low());
        assertEquals(6.0, six.high());
    }

    /**
     * Hand-derived for n = 10: P(Bin(10, ½) &lt;= 1) = 11/1024 = 0.0107 &lt;= 0.025 but P(&lt;= 2) = 56/1024 = 0.0547, so
     * k = 2 and the interval is [x(2), x(9)] with coverage 1 − 2·11/1024 = 97.9 %.
     */
    @Test
    void tenSamplesUseSecondAndNinthOrderStatistics() {
        MedianInterval m = MedianInterval.of(new double[] {10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, 0.95);
        assertEquals(5.5, m.median());
        assertEquals(2.0, m.low());
        assertEquals(9.0, m.high());
        assertEquals(2, MedianInterval.orderStatistic(10, 0.95));
    }

    /**
     * Hand-derived for n = 20: P(Bin(20, ½) &lt;= 5) = 21700/1048576 = 0.0207, P(&lt;= 6) = 0.0577, so k = 6 at 95 %;
     * at 99 % P(&lt;= 3) = 1351/1048576 = 0.0013 but P(&lt;= 4) = 6196/1048576 = 0.0059 &gt; 0.005, so k = 4.
     */
    @Test
    void twentySamples() {
        assertEquals(6, MedianInterval.orderStatistic(20, 0.95));
        assertEquals(4, MedianInterval.orderStatistic(20, 0.99));
    }
}
