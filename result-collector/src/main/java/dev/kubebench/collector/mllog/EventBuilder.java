package dev.kubebench.collector.mllog;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Assembles one {@link MllogEvent} from the members a decoder reads. Both decoders (the flat fast path and Jackson)
 * feed one of these, so which members count, how {@code key} and {@code time_ms} are read and which metadata members
 * are kept is decided here once. Reused line after line: call {@link #reset()} first. Not thread-safe.
 */
final class EventBuilder {

    /** The top-level members of an MLLOG event that kubebench reads; anything else is {@link #OTHER}. */
    enum Member {
        KEY("key"), TIME_MS("time_ms"), EVENT_TYPE("event_type"), VALUE("value"), METADATA("metadata"), OTHER("");

        private static final Member[] NAMED = {KEY, TIME_MS, EVENT_TYPE, VALUE, METADATA};

        private final byte[] name;

        Member(String name) {
            this.name = name.getBytes(StandardCharsets.ISO_8859_1);
        }

        static Member named(String name) {
            return switch (name) {
                case "key" -> KEY;
                case "time_ms" -> TIME_MS;
                case "event_type" -> EVENT_TYPE;
                case "value" -> VALUE;
                case "metadata" -> METADATA;
                default -> OTHER;
            };
        }

        /** The member spelled by the ASCII bytes {@code a[from, to)}. */
        static Member named(byte[] a, int from, int to) {
            for (Member m : NAMED) {
                if (spells(a, from, to, m.name)) {
                    return m;
                }
            }
            return OTHER;
        }
    }

    private static final String[] METADATA_NAMES = MllogParser.METADATA.toArray(new String[0]);
    private static final byte[][] METADATA_BYTES = new byte[METADATA_NAMES.length][];

    static {
        for (int i = 0; i < METADATA_NAMES.length; i++) {
            METADATA_BYTES[i] = METADATA_NAMES[i].getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    private String key;
    private double timeMs;
    private String eventType;
    private Object value;
    private Map<String, Object> valueObject;
    private Map<String, Object> metadata;

    EventBuilder() {
        reset();
    }

    /** Forgets the last event. */
    void reset() {
        key = null;
        timeMs = Double.NaN;
        eventType = null;
        value = null;
        valueObject = null;
        metadata = null;
    }

    /**
     * A top-level member with a scalar value: a {@link Double}, {@link String}, {@link Boolean} or null. A later
     * member of the same name wins, as in Jackson.
     */
    void scalar(Member m, Object v) {
        switch (m) {
            case KEY -> key = v instanceof String s ? s : null;
            case TIME_MS -> timeMs = number(v);
            case EVENT_TYPE -> eventType = v instanceof String s ? s : null;
            case VALUE -> value = v;
            case METADATA -> metadata = null;
            case OTHER -> {
            }
        }
    }

    /** A top-level member whose value is an object; its scalar members follow through {@code member}. */
    void startObject(Member m) {
        switch (m) {
            case VALUE -> {
                valueObject = new LinkedHashMap<>();
                value = valueObject;
            }
            case METADATA -> metadata = null;
            default -> {
            }
        }
    }

    /** Whether a member of {@code owner}'s object is kept; the Jackson path skips the others without reading them. */
    static boolean keeps(Member owner, String name) {
        return owner == Member.VALUE || owner == Member.METADATA && MllogParser.METADATA.contains(name);
    }

    /** A scalar member of {@code owner}'s object that {@link #keeps} accepted; null values are dropped. */
    void member(Member owner, String name, Object v) {
        if (v != null) {
            put(owner, name, v);
        }
    }

    /**
     * A scalar member of {@code owner}'s object, its name spelled by the ASCII bytes {@code a[from, to)}; null values
     * and members nobody reads are dropped.
     */
    void member(Member owner, byte[] a, int from, int to, Object v) {
        if (v == null) {
            return;
        }
        switch (owner) {
            case VALUE -> put(owner, new String(a, from, to - from, StandardCharsets.ISO_8859_1), v);
            case METADATA -> {
                String name = metadataName(a, from, to);
                if (name != null) {
                    put(owner, name, v);
                }
            }
            default -> {
            }
        }
    }

    /** The event, or null when no string {@code key} was read (the line is then malformed). */
    MllogEvent build(long lineNumber) {
        return key == null ? null : new MllogEvent(key, timeMs, eventType, value, metadata, lineNumber);
    }

    private void put(Member owner, String name, Object v) {
        if (owner == Member.VALUE) {
            valueObject.put(name, v);
            return;
        }
        if (metadata == null) {
            metadata = new HashMap<>(8);
        }
        metadata.put(name, v);
    }

    /** A number, or a string holding one (trimmed); anything else is NaN. */
    private static double number(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    /** The kept metadata name spelled by {@code a[from, to)}, or null. */
    private static String metadataName(byte[] a, int from, int to) {
        for (int i = 0; i < METADATA_BYTES.length; i++) {
            if (spells(a, from, to, METADATA_BYTES[i])) {
                return METADATA_NAMES[i];
            }
        }
        return null;
    }

    private static boolean spells(byte[] a, int from, int to, byte[] name) {
        if (to - from != name.length) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (a[from + i] != name[i]) {
                return false;
            }
        }
        return true;
    }
}
