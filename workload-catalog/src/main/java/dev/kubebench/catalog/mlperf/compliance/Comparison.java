package dev.kubebench.catalog.mlperf.compliance;

import java.util.Locale;
import java.util.Objects;

/**
 * One comparison of a logged value with a literal, as the published rules write it ({@code >= 0.759},
 * {@code == 'adam'}, {@code != ''}). Numbers compare as doubles (the rules compare Python ints and floats alike);
 * strings and booleans only with {@code ==} and {@code !=}. A comparison of values of different kinds fails,
 * as the checker's {@code CHECK} fails when its expression cannot be evaluated.
 *
 * @param op      the operator
 * @param literal a {@link Double}, {@link String} or {@link Boolean}
 * @param spelled the literal as the rules write it ({@code 1.0} and {@code 1} are one double but read differently)
 */
public record Comparison(Op op, Object literal, String spelled) {

    /** Comparison operators. */
    public enum Op {
        EQ("=="), NE("!="), GE(">="), LE("<="), GT(">"), LT("<");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written, e.g. {@code >=}. */
        public String symbol() {
            return symbol;
        }
    }

    public Comparison {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(literal, "literal");
        Objects.requireNonNull(spelled, "spelled");
        if (!(literal instanceof Double || literal instanceof String || literal instanceof Boolean)) {
            throw new IllegalArgumentException("literal must be a number, string or boolean: " + literal);
        }
    }

    /** Parses {@code "<op> <literal>"}: a number, {@code 'text'}, {@code true}/{@code false} or {@code inf}. */
    public static Comparison parse(String text) {
        String t = text.trim();
        for (Op o : new Op[] {Op.EQ, Op.NE, Op.GE, Op.LE, Op.GT, Op.LT}) {
            if (t.startsWith(o.symbol())) {
                String lit = t.substring(o.symbol().length()).trim();
                return new Comparison(o, literal(lit), lit);
            }
        }
        throw new IllegalArgumentException("not a comparison: '" + text + "'");
    }

    private static Object literal(String s) {
        if (s.length() >= 2 && s.startsWith("'") && s.endsWith("'")) {
            return s.substring(1, s.length() - 1);
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "inf" -> Double.POSITIVE_INFINITY;
            default -> Double.valueOf(s);
        };
    }

    /** True when {@code value} (a logged value: Double, String, Boolean, object or null) passes. */
    public boolean test(Object value) {
        if (literal instanceof Double x) {
            if (!(value instanceof Double v)) {
                return op == Op.NE && value != null;
            }
            return switch (op) {
                case EQ -> v.doubleValue() == x;
                case NE -> v.doubleValue() != x;
                case GE -> v >= x;
                case LE -> v <= x;
                case GT -> v > x;
                case LT -> v < x;
            };
        }
        boolean equal = literal.equals(value);
        return switch (op) {
            case EQ -> equal;
            case NE -> !equal;
            default -> false;
        };
    }

    /** As the rules write it, e.g. {@code >= 0.759} or {@code == 'adam'}. */
    @Override
    public String toString() {
        return op.symbol() + " " + spelled;
    }
}
