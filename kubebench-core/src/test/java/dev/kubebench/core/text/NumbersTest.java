package dev.kubebench.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void plainIsTheShortestDecimalWithoutExponent() {
        assertEquals("12", Numbers.plain(12.0));
        assertEquals("-3", Numbers.plain(-3.0));
        assertEquals("0.00001", Numbers.plain(1e-5));
        assertEquals("1058.8235294117646", Numbers.plain(3600.0 / 3.4));
        assertEquals("12000000000000000000", Numbers.plain(1.2e19));
        assertEquals("0", Numbers.plain(-0.0));
        assertEquals("", Numbers.plain(Double.NaN));
        assertEquals("", Numbers.plain(Double.POSITIVE_INFINITY));
    }

    @Test
    void fastPathsAgreeWithBigDecimal() {
        Random rnd = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            double v = (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(40) - 20);
            if (i % 3 == 0) {
                v = Math.rint(v);
            }
            if (v == 0) {
                continue;
            }
            assertEquals(BigDecimal.valueOf(v).stripTrailingZeros().toPlainString(), Numbers.plain(v), "v=" + v);
        }
    }

    @Test
    void pointsAndValues() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("workers", 4);
        p.put("lr", 0.1);
        p.put("sizes", List.of(1, 2.5));
        assertEquals("workers=4;lr=0.1;sizes=[1, 2.5]", Numbers.point(p));
        assertEquals("workers=4, lr=0.1, sizes=[1, 2.5]", Numbers.pointLabel(p));
        assertEquals("(no sweep)", Numbers.pointLabel(Map.of()));
        assertEquals("1.5", Numbers.rounded(1.499999, 2));
        assertEquals("–", Numbers.rounded(Double.NaN, 2));
    }

    @Test
    void exactReadsBack() {
        assertEquals("1000.0", Numbers.exact(1000));
        assertEquals("1.0E-5", Numbers.exact(1e-5));
        assertEquals("0.1", Numbers.exact(0.1));
        assertEquals("", Numbers.exact(Double.NaN));
        assertEquals("", Numbers.exact(Double.NEGATIVE_INFINITY));
    }

    @Test
    void fixedKeepsItsDecimals() {
        assertEquals("2.50", Numbers.fixed(2.5, 2));
        assertEquals("13.4111", Numbers.fixed(13.41106, 4));
        assertEquals("3", Numbers.fixed(2.5, 0));
        assertEquals("-0.1", Numbers.fixed(-0.05, 1));
        assertEquals("-", Numbers.fixed(Double.NaN, 1));
        assertEquals("-", Numbers.fixed(Double.POSITIVE_INFINITY, 1));
    }

    @Test
    void significantRoundsWithoutExponentOrTrailingZeros() {
        assertEquals("0.05", Numbers.significant(0.05, 6));
        assertEquals("5", Numbers.significant(5.0, 6));
        assertEquals("1234.57", Numbers.significant(1234.5678, 6));
        assertEquals("0.00001", Numbers.significant(1e-5, 6));
        assertEquals("1200000", Numbers.significant(1234567, 2));
        assertEquals("0", Numbers.significant(0, 6));
        assertEquals("-", Numbers.significant(Double.NaN, 6));
        assertEquals("-", Numbers.significant(Double.NEGATIVE_INFINITY, 6));
    }

    @Test
    void generalIsPrintfG() {
        assertEquals("0.05000", Numbers.general(0.05, 4));
        assertEquals("1.200e-07", Numbers.general(1.2e-7, 4));
        assertEquals("1.235e+04", Numbers.general(12345, 4));
        assertEquals("0.759000", Numbers.general(0.759, 6));
        assertEquals("-", Numbers.general(Double.NaN, 4));
    }

    @Test
    void compactKeepsAboutFourDigits() {
        assertEquals("0", Numbers.compact(0));
        assertEquals("12346", Numbers.compact(12345.6));
        assertEquals("123.5", Numbers.compact(123.46));
        assertEquals("12.35", Numbers.compact(12.346));
        assertEquals("1.235", Numbers.compact(1.2346));
        assertEquals("0.1235", Numbers.compact(0.12346));
        assertEquals("-0.001000", Numbers.compact(-0.001));
        assertEquals("1.235e+06", Numbers.compact(1234567));
        assertEquals("5.000e-05", Numbers.compact(0.00005));
        assertEquals("-", Numbers.compact(Double.NaN));
    }

    @Test
    void percentIsSignedWithTwoDecimals() {
        assertEquals("+10.00%", Numbers.percent(10));
        assertEquals("-0.50%", Numbers.percent(-0.5));
        assertEquals("+0.00%", Numbers.percent(0));
        assertEquals("-", Numbers.percent(Double.NaN));
    }

    @Test
    void pValueSwitchesToScientificBelowATenThousandth() {
        assertEquals("0.0421", Numbers.pValue(0.04213));
        assertEquals("1.0000", Numbers.pValue(1));
        assertEquals("0.0001", Numbers.pValue(0.0001));
        assertEquals("9.6e-42", Numbers.pValue(9.6e-42));
        assertEquals("-", Numbers.pValue(Double.NaN));
    }

    @Test
    void durationForPeople() {
        assertEquals("6.1s", Numbers.duration(6.14));
        assertEquals("59.4s", Numbers.duration(59.4));
        assertEquals("1m00s", Numbers.duration(59.96));
        assertEquals("4m05s", Numbers.duration(245));
        assertEquals("1h02m03s", Numbers.duration(3723));
        assertEquals("26h00m00s", Numbers.duration(26 * 3600));
        assertEquals("-", Numbers.duration(Double.NaN));
    }
}
