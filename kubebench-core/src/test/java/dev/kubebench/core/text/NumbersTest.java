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
}
