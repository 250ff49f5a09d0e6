package dev.kubebench.catalog.mlperf.compliance;

/** How rule literals and logged values are spelled in messages: whole numbers without a fraction, strings quoted. */
public final class Literals {
    private Literals() {
    }

    /** {@code 8} for 8.0, {@code 0.0001}, {@code 'adam'}, {@code true}, {@code None} for null. */
    public static String spell(Object v) {
        if (v instanceof String s) {
            return "'" + s + "'";
        }
        return plain(v);
    }

    /** Like {@link #spell} with strings unquoted, as the checker lists values. */
    public static String plain(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Double d) {
            if (d.isInfinite()) {
                return d > 0 ? "inf" : "-inf";
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString(d.longValue());
            }
            return d.toString();
        }
        return v.toString();
    }
}
