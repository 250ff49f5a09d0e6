package dev.kubebench.core.text;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Locale-independent formatting of numbers and sweep-point values for every report format. */
public final class Numbers {
    private Numbers() {
    }

    /**
     * A double in plain decimal notation without trailing zeros ({@code 12}, {@code 0.00001}, {@code 1234.5}); the
     * empty string for NaN and infinities, which no report format can carry.
     */
    public static String plain(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        if (v == 0) {
            return "0";
        }
        // Fast paths give the same text as the BigDecimal form below (which is Double.toString's shortest digits
        // without exponent or trailing zeros); reports format hundreds of thousands of numbers.
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        if (s.indexOf('E') < 0) {
            return s;
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** A double rounded for humans: at most {@code decimals} decimals, grouping-free; "–" for NaN. */
    public static String rounded(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "–";
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.indexOf('.') >= 0) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return "-0".equals(s) ? "0" : s;
    }

    /** A sweep-point value as text: numbers plainly, lists as {@code [a, b]}, null as empty. */
    public static String value(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double || v instanceof Float) {
            return plain(((Number) v).doubleValue());
        }
        if (v instanceof List<?>) {
            return ((List<?>) v).stream().map(Numbers::value).collect(Collectors.joining(", ", "[", "]"));
        }
        return v.toString();
    }

    /** A sweep point as {@code k=v;k=v} in the point's own order; empty for the single point of an unswept run. */
    public static String point(Map<String, Object> point) {
        return point.entrySet().stream()
                .map(e -> e.getKey() + "=" + value(e.getValue()))
                .collect(Collectors.joining(";"));
    }

    /** A sweep point for humans: {@code workers=2, batchSize=256}, or {@code (no sweep)}. */
    public static String pointLabel(Map<String, Object> point) {
        if (point.isEmpty()) {
            return "(no sweep)";
        }
        return point.entrySet().stream()
                .map(e -> e.getKey() + "=" + value(e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
