package dev.kubebench.report.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StudentTTest {

    /**
     * R's {@code t.test(extra ~ group, data = sleep, var.equal = TRUE)} (Student's sleep data, shipped with R; R 4.2.2)
     * prints t = -1.860813467487, df = 18, p-value = 0.0791867142159.
     */
    @Test
    void reproducesRPooledTTest() {
        double[] series = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0,
                           1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};
        assertEquals(0.0791867142159, StudentT.pValue(series, 0, 10, 20), 1e-12);
    }

    @Test
    void testsOnlyTheGivenRange() {
        double[] series = {1000, 1, 2, 3, 11, 12, 13, -1000};
        assertEquals(StudentT.pValue(new double[] {1, 2, 3, 11, 12, 13}, 0, 3, 6), StudentT.pValue(series, 1, 4, 7));
    }

    @Test
    void constantSidesGiveZeroWhenTheMeansDifferAndOneWhenTheyAreEqual() {
        assertEquals(0.0, StudentT.pValue(new double[] {10, 10, 10, 20, 20, 20}, 0, 3, 6));
        assertEquals(1.0, StudentT.pValue(new double[] {5, 5, 5, 5}, 0, 2, 4));
    }

    @Test
    void needsTwoValuesPerSide() {
        assertThrows(IllegalArgumentException.class, () -> StudentT.pValue(new double[] {1, 2, 3}, 0, 1, 3));
    }
}
