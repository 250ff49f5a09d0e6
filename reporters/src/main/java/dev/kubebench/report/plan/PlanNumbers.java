package dev.kubebench.report.plan;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formatting for plan output; {@link Locale#ROOT}, "-" for unknown. */
final class PlanNumbers {
    private PlanNumbers() {
    }

    /** Six significant digits, no exponent, no trailing zeros. */
    static String plain(double v) {
        if (!Double.isFinite(v)) {
            return Double.isInfinite(v) ? "inf" : "-";
        }
        return BigDecimal.valueOf(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    static String fixed(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "-";
    }

    /** Seconds as {@code 1h02m03s}, {@code 4m05s} or {@code 6.1s}. */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "-";
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

    static String sci(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "-";
    }
}
