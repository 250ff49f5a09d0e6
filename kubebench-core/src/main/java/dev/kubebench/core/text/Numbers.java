package dev.kubebench.core.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Locale-independent formatting of numbers and sweep-point values for every report format and terminal table. The
 * functions for people print "-" for a number that is unknown (NaN) or unbounded (infinite); the functions for
 * machine-readable files print the empty string instead.
 */
public final class Numbers {
    /** What the functions for people print for NaN and infinities. */
    public static final String UNKNOWN = "-";

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

    /**
     * The shortest text that reads back as the same double ({@link Double#toString}, so {@code 1000.0} and
     * {@code 1.0E-5}); the empty string for NaN and infinities. For CSV cells that tools read back exactly.
     */
    public static String exact(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    /** Exactly {@code decimals} decimals, rounded half-up: {@code fixed(2.5, 2)} is {@code 2.50}; "-" if unknown. */
    public static String fixed(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : UNKNOWN;
    }

    /**
     * At most {@code digits} significant digits in plain notation without trailing zeros, for settings and
     * fitted parameters as a person would type them: {@code significant(0.05, 6)} is {@code 0.05},
     * {@code significant(1234.5678, 6)} is {@code 1234.57}, {@code significant(1e-5, 6)} is {@code 0.00001}; "-" if
     * unknown.
     */
    public static String significant(double v, int digits) {
        if (!Double.isFinite(v)) {
            return UNKNOWN;
        }
        return BigDecimal.valueOf(v).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }

    /**
     * Exactly {@code digits} significant digits as printf's {@code %g}: trailing zeros kept, scientific notation
     * below 10⁻⁴ and from 10^digits ({@code general(0.05, 4)} is {@code 0.05000}, {@code general(1.2e-7, 4)} is
     * {@code 1.200e-07}); "-" if unknown. For standard errors and values that span many magnitudes.
     */
    public static String general(double v, int digits) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + digits + "g", v) : UNKNOWN;
    }

    /**
     * About four significant digits, the way benchstat prints measurements: whole numbers from 1000
     * ({@code 12346}), then one, two or three decimals down to 1 ({@code 123.5}, {@code 12.35}, {@code 1.235}), four
     * significant digits below 1 ({@code 0.1235}), and scientific notation from 10⁶ and below 10⁻⁴
     * ({@code 1.235e+06}); zero as {@code 0}; "-" if unknown.
     */
    public static String compact(double v) {
        if (!Double.isFinite(v)) {
            return UNKNOWN;
        }
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1e6 || a < 1e-4) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        if (a >= 1000) {
            return fixed(v, 0);
        }
        if (a >= 100) {
            return fixed(v, 1);
        }
        if (a >= 10) {
            return fixed(v, 2);
        }
        if (a >= 1) {
            return fixed(v, 3);
        }
        return general(v, 4);
    }

    /** A change in percent, signed and with two decimals: {@code +10.00%}, {@code -0.50%}; "-" if unknown. */
    public static String percent(double changePercent) {
        return Double.isFinite(changePercent) ? String.format(Locale.ROOT, "%+.2f%%", changePercent) : UNKNOWN;
    }

    /**
     * A p-value in [0, 1]: four decimals ({@code 0.0421}), or two significant digits in scientific notation below
     * 0.0001 where four decimals would print zero ({@code 9.6e-42}); "-" without a test (NaN).
     */
    public static String pValue(double p) {
        if (Double.isNaN(p)) {
            return UNKNOWN;
        }
        return p < 0.0001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
    }

    /**
     * A duration in seconds for people, to the second from a minute up ({@code 1h02m03s}, {@code 4m05s}) and to a
     * tenth below ({@code 6.1s}); "-" if unknown. Unlike {@link dev.kubebench.core.time.Durations#format}, it is
     * not meant to be read back, and hours do not roll over into days.
     */
    public static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return UNKNOWN;
        }
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, s % 3600 / 60, s % 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%.1fs", seconds);
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
