package dev.kubebench.report.analysis.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MetricSummaryTest {
    @Test
    void medianOfEvenAndOddCountsIgnoringNaN() {
        MetricSummary odd = MetricSummary.of(new double[] {3, 1, 2, Double.NaN});
        assertEquals(new MetricSummary(3, 2, 1, 3), odd);
        assertEquals(new MetricSummary(4, 2.5, 1, 4), MetricSummary.of(new double[] {4, 1, 3, 2}));
        assertEquals(MetricSummary.EMPTY, MetricSummary.of(new double[] {Double.NaN}));
    }
}
