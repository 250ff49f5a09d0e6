package dev.kubebench.catalog.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A YAML value with the position it was written at. Immutable; profiles and {@code --set} build new trees that keep
 * the marks of the values they took, so errors point at the line the user wrote.
 */
public sealed interface Node {

    Mark mark();

    /** A human name of the node's YAML type, for "expected X, got Y" messages. */
    String typeName();

    /** The plain Java value: maps, lists, strings, numbers, booleans, null. */
    Object toPlain();

    /** A mapping with string keys, in document order. */
    record MapNode(Mark mark, List<Entry> entries) implements Node {
        public MapNode {
            Objects.requireNonNull(mark, "mark");
            entries = List.copyOf(entries);
        }

        /** The entry for {@code key}, or null. */
        public Entry entry(String key) {
            for (Entry e : entries) {
                if (e.key().equals(key)) {
                    return e;
                }
            }
            return null;
        }

        /** The value for {@code key}, or null when absent. */
        public Node get(String key) {
            Entry e = entry(key);
            return e == null ? null : e.value();
        }

        /** A copy with {@code key} set to {@code value} (replacing in place, or appended). */
        public MapNode with(String key, Mark keyMark, Node value) {
            List<Entry> copy = new ArrayList<>(entries);
            for (int i = 0; i < copy.size(); i++) {
                if (copy.get(i).key().equals(key)) {
                    copy.set(i, new Entry(key, copy.get(i).keyMark(), value));
                    return new MapNode(mark, copy);
                }
            }
            copy.add(new Entry(key, keyMark, value));
            return new MapNode(mark, copy);
        }

        /** A copy without {@code key}. */
        public MapNode without(String key) {
            List<Entry> copy = new ArrayList<>(entries);
            copy.removeIf(e -> e.key().equals(key));
            return new MapNode(mark, copy);
        }

        @Override
        public String typeName() {
            return "a mapping";
        }

        @Override
        public Object toPlain() {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Entry e : entries) {
                m.put(e.key(), e.value().toPlain());
            }
            return Collections.unmodifiableMap(m);
        }
    }

    /** One key of a mapping, with the key's own position. */
    record Entry(String key, Mark keyMark, Node value) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(keyMark, "keyMark");
            Objects.requireNonNull(value, "value");
        }
    }

    /** A sequence. */
    record ListNode(Mark mark, List<Node> items) implements Node {
        public ListNode {
            Objects.requireNonNull(mark, "mark");
            items = List.copyOf(items);
        }

        @Override
        public String typeName() {
            return "a list";
        }

        @Override
        public Object toPlain() {
            List<Object> l = new ArrayList<>();
            for (Node n : items) {
                l.add(n.toPlain());
            }
            return Collections.unmodifiableList(l);
        }
    }

    /**
     * A scalar typed as YAML resolved it: null, {@link String}, {@link Boolean}, {@link Long},
     * {@link java.math.BigInteger} or {@link Double}.
     *
     * @param raw the scalar as written in the document for numbers and booleans (so {@code 5.0} splices into a
     *            string as {@code 5.0}, not {@code 5}); null when not known
     */
    record ScalarNode(Mark mark, Object value, String raw) implements Node {
        public ScalarNode {
            Objects.requireNonNull(mark, "mark");
        }

        public ScalarNode(Mark mark, Object value) {
            this(mark, value, null);
        }

        public boolean isNull() {
            return value == null;
        }

        /** The value as text, the way it was written (numbers, booleans) or would appear in a string. */
        public String text() {
            if (raw != null && !(value instanceof String)) {
                return raw;
            }
            if (value instanceof Double) {
                double d = (Double) value;
                if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                    return Long.toString((long) d);
                }
            }
            return String.valueOf(value);
        }

        @Override
        public String typeName() {
            if (value == null) {
                return "null";
            }
            if (value instanceof String) {
                return "a string";
            }
            if (value instanceof Boolean) {
                return "a boolean";
            }
            return value instanceof Double ? "a number" : "an integer";
        }

        @Override
        public Object toPlain() {
            return value;
        }
    }
}
