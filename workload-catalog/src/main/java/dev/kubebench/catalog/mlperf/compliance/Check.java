package dev.kubebench.catalog.mlperf.compliance;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A test every occurrence of a key must pass. Each variant is a fact from the published rules; {@link #describe()}
 * says it in words for the message of a failed check.
 */
public sealed interface Check {

    /**
     * True when the event passes.
     *
     * @param value    the logged value: Double, String, Boolean, an object's scalar members, or null
     * @param metadata the logged metadata members
     * @param timeMs   the event's time, epoch milliseconds
     * @param history  what came before it in the log
     */
    boolean test(Object value, Map<String, Object> metadata, double timeMs, LogHistory history);

    /** The test in words, e.g. {@code value >= 0.759}. */
    String describe();

    /** The value compares as given. */
    record ValueIs(Comparison comparison) implements Check {
        public boolean test(Object value, Map<String, Object> metadata, double timeMs, LogHistory history) {
            return comparison.test(value);
        }

        public String describe() {
            return "value " + comparison;
        }
    }

    /** The value is one of a list. */
    record ValueIn(List<Object> allowed) implements Check {
        public ValueIn {
            allowed = List.copyOf(allowed);
        }

        public boolean test(Object value, Map<String, Object> metadata, double timeMs, LogHistory history) {
            return allowed.contains(value);
        }

        public String describe() {
            return "value in [" + allowed.stream().map(Literals::spell).collect(Collectors.joining(", ")) + "]";
        }
    }

    /** At least one of several checks passes. */
    record AnyOf(List<Check> alternatives) implements Check {
        public AnyOf {
            alternatives = List.copyOf(alternatives);
        }

        public boolean test(Object value, Map<String, Object> metadata, double timeMs, LogHistory history) {
            return alternatives.stream().anyMatch(c -> c.test(value, metadata, timeMs, history));
        }

        public String describe() {
            return alternatives.stream().map(Check::describe).collect(Collectors.joining(" or "));
        }
    }

    /** The value is a whole multiple of {@code unit} (to 1e-5, as the rules' {@code is_integer}). */
    record MultipleOf(double unit) implements Check {
        public boolean test(Object value, Map<String, Object> metadata, double timeMs, LogHistory history) {
            return value instanceof Double v && wholeNumber(v / unit);
        }

        public String describe() {
            return "value is a whole multiple of " + Literals.plain(unit);
        }
    }

    /** The value is {@code unit} times a power of two. */
    record PowerOfTwoMultipleOf(double unit) implements Check {
        public boolean test(Object value, Map<String, Object> metadata, double timeMs, LogHistory history) {
            return value instanceof Double v && v / unit > 0 && wholeNumber(Math.log(v / unit) / Math.log(2));
        }

        public String describe() {
            return "value is " + Literals.plain(unit) + " times a power of two";
        }
    }

    /** The value is a whole number (the rules ask for an integer; logs carry numbers as JSON). */
    record WholeNumber() implements Check {
        public boolean test(Object value, Map<String, Object> metadata, double timeMs, LogHistory history) {
            return value instanceof Double v && v == Math.rint(v);
        }

        public String describe() {
            return "value is an integer";
        }
    }

    /** The metadata has every named member. */
    record MetadataHas(String member) implements Check {
        public boolean test(Object value, Map<String, Object> metadata, double timeMs, LogHistory history) {
            return metadata.containsKey(member);
        }

        public String describe() {
            return "metadata has '" + member + "'";
        }
    }

    /** The metadata has at least one of the named members. */
    record MetadataHasAny(List<String> members) implements Check {
        public MetadataHasAny {
            members = List.copyOf(members);
        }

        public boolean test(Object value, Map<String, Object> metadata, double timeMs, LogHistory history) {
            return members.stream().anyMatch(metadata::containsKey);
        }

        public String describe() {
            return "metadata has " + members.stream().map(m -> "'" + m + "'").collect(Collectors.joining(" or "));
        }
    }

    /** A metadata member compares as given. */
    record MetadataIs(String member, Comparison comparison) implements Check {
        public boolean test(Object value, Map<String, Object> metadata, double timeMs, LogHistory history) {
            return comparison.test(metadata.get(member));
        }

        public String describe() {
            return "metadata " + member + " " + comparison;
        }
    }

    /** When the metadata has {@code member}, {@code then} must pass. */
    record IfMetadataHas(String member, Check then) implements Check {
        public IfMetadataHas {
            Objects.requireNonNull(then, "then");
        }

        public boolean test(Object value, Map<String, Object> metadata, double timeMs, LogHistory history) {
            return !metadata.containsKey(member) || then.test(value, metadata, timeMs, history);
        }

        public String describe() {
            return then.describe() + " when metadata has '" + member + "'";
        }
    }

    /** The value is an object with the named member. */
    record ValueHas(String member) implements Check {
        public boolean test(Object value, Map<String, Object> metadata, double timeMs, LogHistory history) {
            return value instanceof Map<?, ?> m && m.containsKey(member);
        }

        public String describe() {
            return "value has '" + member + "'";
        }
    }

    /** Order: {@code key} was logged before. */
    record After(String key) implements Check {
        public boolean test(Object value, Map<String, Object> metadata, double timeMs, LogHistory history) {
            return history.seen(key);
        }

        public String describe() {
            return "after " + key;
        }
    }

    /** Order: {@code key} was not logged before. */
    record NotAfter(String key) implements Check {
        public boolean test(Object value, Map<String, Object> metadata, double timeMs, LogHistory history) {
            return !history.seen(key);
        }

        public String describe() {
            return "not after " + key;
        }
    }

    /**
     * Within a division's minutes of the first {@code init_start} (initialisation time limit). Before any
     * {@code submission_division} the limit is zero, as in the published rules.
     */
    record InitWithinMinutes(Map<String, Double> minutesByDivision, double otherMinutes) implements Check {
        public InitWithinMinutes {
            minutesByDivision = Map.copyOf(minutesByDivision);
        }

        public boolean test(Object value, Map<String, Object> metadata, double timeMs, LogHistory history) {
            String division = history.division();
            double minutes = division == null ? 0 : minutesByDivision.getOrDefault(division, otherMinutes);
            double first = history.firstInitStartMs();
            // no init_start yet: the rules' start time is "infinitely late", so this test passes (another fails)
            return Double.isNaN(first) || timeMs - first < minutes * 60_000;
        }

        public String describe() {
            return "within " + minutesByDivision.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> Literals.plain(e.getValue()) + " minutes (" + e.getKey() + ")")
                    .collect(Collectors.joining(" / ")) + " of the first init_start";
        }
    }

    /** {@code is_integer} of the published rules: within 1e-5 of a whole number. */
    private static boolean wholeNumber(double q) {
        return Math.abs(Math.rint(q) - q) < 0.00001;
    }
}
