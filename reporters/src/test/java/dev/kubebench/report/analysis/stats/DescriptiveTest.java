package dev.kubebench.report.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DescriptiveTest {

    @Test
    void medianOfOddAndEvenCountsAndEmpty() {
        assertEquals(3.0, Descriptive.median(new double[] {5, 1, 3}));
        assertEquals(2.5, Descriptive.median(new double[] {4, 1, 3, 2}));
        assertEquals(Double.NaN, Descriptive.median(new double[0]));
    }

    @Test
    void medianLeavesItsInputAlone() {
        double[] values = {5, 1, 4, 2, 3};
        Descriptive.median(values);
        assertArrayEquals(new double[] {5, 1, 4, 2, 3}, values);
    }

    @Test
    void geomeanOfPositiveValuesAndNaNOtherwise() {
        assertEquals(4.0, Descriptive.geomean(new double[] {2, 8}), 1e-12);
        assertEquals(Double.NaN, Descriptive.geomean(new double[] {2, 0}));
        assertEquals(Double.NaN, Descriptive.geomean(new double[] {2, -8}));
        assertEquals(Double.NaN, Descriptive.geomean(new double[0]));
    }
}
