package dev.kubebench.catalog.mlperf.compliance;

import java.util.List;
import java.util.Objects;

/**
 * How often a key must occur in a run log.
 *
 * @param kind         the requirement
 * @param atLeast      the minimum for {@link Kind#AT_LEAST} (1 for the others)
 * @param alternatives other keys that satisfy {@link Kind#AT_LEAST_ONE_OR}; empty otherwise
 */
public record Occurrence(Kind kind, int atLeast, List<String> alternatives) {

    /** The requirements of the published rules. */
    public enum Kind {
        /** Exactly once; several occurrences with one value are tolerated (a warning in the official checker). */
        EXACTLY_ONE,
        /** At least once. */
        AT_LEAST_ONE,
        /** At least {@code atLeast} times. */
        AT_LEAST,
        /** This key or one of the alternatives at least once. */
        AT_LEAST_ONE_OR,
        /** No requirement; occurrences are still checked. */
        OPTIONAL
    }

    public Occurrence {
        Objects.requireNonNull(kind, "kind");
        alternatives = List.copyOf(alternatives);
        if (atLeast < 1) {
            throw new IllegalArgumentException("atLeast must be at least 1");
        }
    }

    /** Parses the rules' spelling: {@code EXACTLY_ONE}, {@code AT_LEAST(2)}, {@code AT_LEAST_ONE_OR(a, b)}... */
    public static Occurrence parse(String text) {
        String t = text.trim();
        if (t.startsWith("AT_LEAST_ONE_OR(") && t.endsWith(")")) {
            List<String> alts = List.of(t.substring("AT_LEAST_ONE_OR(".length(), t.length() - 1).split(","))
                    .stream().map(String::trim).toList();
            return new Occurrence(Kind.AT_LEAST_ONE_OR, 1, alts);
        }
        if (t.startsWith("AT_LEAST(") && t.endsWith(")")) {
            return new Occurrence(Kind.AT_LEAST, Integer.parseInt(t.substring("AT_LEAST(".length(),
                    t.length() - 1).trim()), List.of());
        }
        return new Occurrence(Kind.valueOf(t), 1, List.of());
    }

    /** As the rules spell it, e.g. {@code AT_LEAST(2)}. */
    public String spelled() {
        return switch (kind) {
            case AT_LEAST -> "AT_LEAST(" + atLeast + ")";
            case AT_LEAST_ONE_OR -> "AT_LEAST_ONE_OR(" + String.join(",", alternatives) + ")";
            default -> kind.name();
        };
    }
}
