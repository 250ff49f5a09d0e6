package dev.kubebench.collector.mllog;

import dev.kubebench.collector.mllog.EventBuilder.Member;
import java.nio.charset.StandardCharsets;

/**
 * The fast path for decoding an MLLOG event: a strict, allocation-light scanner for the flat shape every MLPerf
 * logger writes ({@code {"namespace": "", "time_ms": 1, "event_type": "...", "key": "...", "value": ...,
 * "metadata": {...}}} with scalar or flat-object values). It returns null, meaning "let Jackson decide", for anything
 * outside that shape: escapes in strings, non-ASCII bytes, nested objects, arrays, trailing text or any syntax it
 * does not accept. It never accepts text Jackson would reject, and decodes what it accepts exactly as the Jackson
 * path does: both assemble events with an {@link EventBuilder}, and MllogParserTest compares them on the real logs.
 */
final class FlatMllogDecoder {
    private final EventBuilder event = new EventBuilder();
    private byte[] a;
    private int pos;
    private int end;
    // last scalar read
    private Object scalar;

    /** The event, or null when the line is not in the flat shape (the caller then uses Jackson). */
    MllogEvent decode(byte[] bytes, int off, int limit, long lineNumber) {
        a = bytes;
        pos = off;
        end = limit;
        event.reset();
        try {
            if (!topLevelObject()) {
                return null;
            }
            ws();
            return pos == end ? event.build(lineNumber) : null;
        } finally {
            a = null;
        }
    }

    /** Reads the event object into {@link #event}; false when it is not in the flat shape. */
    private boolean topLevelObject() {
        ws();
        if (!take('{')) {
            return false;
        }
        ws();
        if (take('}')) {
            return true;
        }
        do {
            int nameStart = pos;
            int nameEnd = memberName();
            if (nameEnd < 0 || !topLevelValue(Member.named(a, nameStart + 1, nameEnd))) {
                return false;
            }
        } while (nextMember());
        return take('}');
    }

    /** A top-level member's value: a scalar, or a flat object for {@code value}, {@code metadata} and the rest. */
    private boolean topLevelValue(Member m) {
        if (peek() == '{') {
            return (m == Member.VALUE || m == Member.METADATA || m == Member.OTHER) && flatObject(m);
        }
        if (!scalarValue()) {
            return false;
        }
        event.scalar(m, scalar);
        return true;
    }

    /** An object whose members are all scalars, handed to {@link #event} as members of {@code owner}. */
    private boolean flatObject(Member owner) {
        take('{');
        event.startObject(owner);
        ws();
        if (take('}')) {
            return true;
        }
        do {
            int nameStart = pos;
            int nameEnd = memberName();
            if (nameEnd < 0 || !scalarValue()) {
                return false;
            }
            event.member(owner, a, nameStart + 1, nameEnd, scalar);
        } while (nextMember());
        return take('}');
    }

    /** Reads a {@code ,} and the blanks around it; false (reading nothing but blanks) when there is none. */
    private boolean nextMember() {
        ws();
        if (take(',')) {
            ws();
            return true;
        }
        return false;
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
