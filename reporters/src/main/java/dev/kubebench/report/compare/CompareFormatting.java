package dev.kubebench.report.compare;

import dev.kubebench.core.metric.Direction;
import dev.kubebench.report.stats.MedianInterval;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formatting shared by the comparison renderers; always {@link Locale#ROOT}. */
final class CompareFormatting {
    private CompareFormatting() {
    }

    /** About four significant digits without exponent for everyday magnitudes; "-" for NaN. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1e6 || a < 1e-4) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        String s;
        if (a >= 1000) {
            s = String.format(Locale.ROOT, "%.0f", v);
        } else if (a >= 100) {
            s = String.format(Locale.ROOT, "%.1f", v);
        } else if (a >= 10) {
            s = String.format(Locale.ROOT, "%.2f", v);
        } else if (a >= 1) {
            s = String.format(Locale.ROOT, "%.3f", v);
        } else {
            s = String.format(Locale.ROOT, "%.4g", v);
        }
        return s;
    }

    /** A setting such as a threshold or alpha as typed: {@code 5}, {@code 0.05}, {@code 2.5}. */
    static String plain(double v) {
        return BigDecimal.valueOf(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** Signed percentage with two decimals, e.g. {@code +10.00%}; "-" for NaN. */
    static String percent(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%+.2f%%", v);
    }

    static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "-";
        }
        return p < 0.0001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
    }

    /** {@code median ± x%} as benchstat prints it; {@code median ± ∞} without an interval; "-" when missing. */
    static String median(MedianInterval m) {
        if (m == null) {
            return "-";
        }
        if (!m.hasInterval()) {
            return number(m.median()) + " ± ∞";
        }
        return number(m.median()) + " ± " + String.format(Locale.ROOT, "%.0f%%", m.relativeHalfWidth() * 100);
    }

    static String direction(MetricComparison r) {
        return r.direction() == Direction.LOWER ? "lower is better" : "higher is better";
    }
}
