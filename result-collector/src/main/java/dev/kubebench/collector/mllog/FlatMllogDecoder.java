package dev.kubebench.collector.mllog;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The fast path for decoding an MLLOG event: a strict, allocation-light scanner for the flat shape every MLPerf
 * logger writes ({@code {"namespace": "", "time_ms": 1, "event_type": "...", "key": "...", "value": ...,
 * "metadata": {...}}} with scalar or flat-object values). It returns null, meaning "let Jackson decide", for anything
 * outside that shape: escapes in strings, non-ASCII bytes, nested objects, arrays, trailing text or any syntax it
 * does not accept. It never accepts text Jackson would reject, and decodes what it accepts exactly as the Jackson
 * path does (MllogParserTest compares both on the real logs).
 */
final class FlatMllogDecoder {
    private static final byte[] KEY = bytes("key");
    private static final byte[] TIME_MS = bytes("time_ms");
    private static final byte[] EVENT_TYPE = bytes("event_type");
    private static final byte[] VALUE = bytes("value");
    private static final byte[] METADATA = bytes("metadata");
    private static final String[] META_NAMES = MllogParser.METADATA.toArray(new String[0]);
    private static final byte[][] META_BYTES = new byte[META_NAMES.length][];

    static {
        for (int i = 0; i < META_NAMES.length; i++) {
            META_BYTES[i] = bytes(META_NAMES[i]);
        }
    }

    private byte[] a;
    private int pos;
    private int end;
    // last scalar read
    private Object scalar;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The event, or null when the line is not in the flat shape (the caller then uses Jackson). */
    MllogEvent decode(byte[] bytes, int off, int limit, long lineNumber) {
        a = bytes;
        pos = off;
        end = limit;
        try {
            return object(lineNumber);
        } finally {
            a = null;
        }
    }

    private MllogEvent object(long lineNumber) {
        ws();
        if (!take('{')) {
            return null;
        }
        String key = null;
        String eventType = null;
        double timeMs = Double.NaN;
        Object value = null;
        Map<String, Object> metadata = null;
        ws();
        if (!take('}')) {
            while (true) {
                int ns = pos;
                int ne = memberName();
                if (ne < 0) {
                    return null;
                }
                if (is(ns, ne, KEY)) {
                    if (!scalarValue() || !(scalar instanceof String)) {
                        return null;
                    }
                    key = (String) scalar;
                } else if (is(ns, ne, TIME_MS)) {
                    if (!scalarValue()) {
                        return null;
                    }
                    if (scalar instanceof Double) {
                        timeMs = (Double) scalar;
                    } else if (scalar instanceof String) {
                        // the Jackson path parses numeric strings too; keep the two paths identical
                        return null;
                    } else {
                        timeMs = Double.NaN;
                    }
                } else if (is(ns, ne, EVENT_TYPE)) {
                    if (!scalarValue()) {
                        return null;
                    }
                    eventType = scalar instanceof String ? (String) scalar : null;
                } else if (is(ns, ne, VALUE)) {
                    if (peek() == '{') {
                        Map<String, Object> m = flatObject(null);
                        if (m == null) {
                            return null;
                        }
                        value = m;
                    } else {
                        if (!scalarValue()) {
                            return null;
                        }
                        value = scalar;
                    }
                } else if (is(ns, ne, METADATA)) {
                    if (peek() == '{') {
                        Map<String, Object> m = flatObject(META_BYTES);
                        if (m == null) {
                            return null;
                        }
                        metadata = m.isEmpty() ? null : m;
                    } else {
                        if (!scalarValue()) {
                            return null;
                        }
                        metadata = null;
                    }
                } else {
                    if (peek() == '{') {
                        if (flatObject(new byte[0][]) == null) {
                            return null;
                        }
                    } else if (!scalarValue()) {
                        return null;
                    }
                }
                ws();
                if (take(',')) {
                    ws();
                    continue;
                }
                if (take('}')) {
                    break;
                }
                return null;
            }
        }
        ws();
        if (pos != end || key == null) {
            return null;
        }
        return new MllogEvent(key, timeMs, eventType, value, metadata, lineNumber);
    }

    /**
     * A flat object whose members are scalars. With {@code keep == null} every non-null member is kept (value
     * objects); otherwise only members named in {@code keep} (metadata). Returns null when not flat.
     */
    private Map<String, Object> flatObject(byte[][] keep) {
        take('{');
        Map<String, Object> m = new HashMap<>(8);
        ws();
        if (take('}')) {
            return m;
        }
        while (true) {
            int ns = pos;
            int ne = memberName();
            if (ne < 0) {
                return null;
            }
            byte c = peek();
            if (c == '{' || c == '[') {
                return null;
            }
            if (!scalarValue()) {
                return null;
            }
            if (scalar != null) {
                if (keep == null) {
                    m.put(new String(a, ns + 1, ne - ns - 1, StandardCharsets.ISO_8859_1), scalar);
                } else {
                    for (int i = 0; i < keep.length; i++) {
                        if (is(ns, ne, keep[i])) {
                            m.put(META_NAMES[i], scalar);
                            break;
                        }
                    }
                }
            }
            ws();
            if (take(',')) {
                ws();
                continue;
            }
            return take('}') ? m : null;
        }
    }

    /** Reads a scalar into {@link #scalar}; false when the value is not a plain scalar. */
    private boolean scalarValue() {
        if (pos >= end) {
            return false;
        }
        byte c = a[pos];
        if (c == '"') {
            int s = pos;
            int e = string();
            if (e < 0) {
                return false;
            }
            scalar = new String(a, s + 1, e - s - 1, StandardCharsets.ISO_8859_1);
            return true;
        }
        if (c == 't') {
            scalar = Boolean.TRUE;
            return literal("true");
        }
        if (c == 'f') {
            scalar = Boolean.FALSE;
            return literal("false");
        }
        if (c == 'n') {
            scalar = null;
            return literal("null");
        }
        return number();
    }

    private boolean literal(String word) {
        int n = word.length();
        if (pos + n > end) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (a[pos + i] != word.charAt(i)) {
                return false;
            }
        }
        pos += n;
        return pos >= end || !Character.isLetterOrDigit(a[pos]);
    }

    /** A JSON number per RFC 8259 (no leading zeros, no leading '+', no NaN). */
    private boolean number() {
        int s = pos;
        if (pos < end && a[pos] == '-') {
            pos++;
        }
        if (pos >= end) {
            return false;
        }
        if (a[pos] == '0') {
            pos++;
        } else if (a[pos] >= '1' && a[pos] <= '9') {
            while (pos < end && a[pos] >= '0' && a[pos] <= '9') {
                pos++;
            }
        } else {
            return false;
        }
        boolean integral = true;
        if (pos < end && a[pos] == '.') {
            integral = false;
            pos++;
            int d = pos;
            while (pos < end && a[pos] >= '0' && a[pos] <= '9') {
                pos++;
            }
            if (pos == d) {
                return false;
            }
        }
        if (pos < end && (a[pos] == 'e' || a[pos] == 'E')) {
            integral = false;
            pos++;
            if (pos < end && (a[pos] == '+' || a[pos] == '-')) {
                pos++;
            }
            int d = pos;
            while (pos < end && a[pos] >= '0' && a[pos] <= '9') {
                pos++;
            }
            if (pos == d) {
                return false;
            }
        }
        int len = pos - s;
        if (integral && len <= 16) {
            // up to 15 digits (plus sign) is exact in a double; no string allocation on the hot path
            long v = 0;
            boolean neg = a[s] == '-';
            for (int i = neg ? s + 1 : s; i < pos; i++) {
                v = v * 10 + (a[i] - '0');
            }
            scalar = (double) (neg ? -v : v);
        } else {
            scalar = Double.parseDouble(new String(a, s, len, StandardCharsets.ISO_8859_1));
        }
        return true;
    }

    /** Skips a string at pos; returns the index of its closing quote, or -1 when it has escapes or non-ASCII. */
    private int string() {
        if (pos >= end || a[pos] != '"') {
            return -1;
        }
        int i = pos + 1;
        while (i < end) {
            byte c = a[i];
            if (c == '"') {
                pos = i + 1;
                return i;
            }
            if (c == '\\' || c < 0x20) {
                return -1;
            }
            i++;
        }
        return -1;
    }

    private boolean is(int quoteStart, int quoteEnd, byte[] name) {
        int len = quoteEnd - quoteStart - 1;
        if (len != name.length) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (a[quoteStart + 1 + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    private void ws() {
        while (pos < end) {
            byte c = a[pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private boolean take(char c) {
        if (pos < end && a[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    private byte peek() {
        return pos < end ? a[pos] : 0;
    }

    /** Reads {@code "name":} and the blanks around the colon; returns the name's end (it starts where the call began), or -1. */
    private int memberName() {
        int ne = string();
        if (ne < 0) {
            return -1;
        }
        ws();
        if (!take(':')) {
            return -1;
        }
        ws();
        return ne;
    }
}
