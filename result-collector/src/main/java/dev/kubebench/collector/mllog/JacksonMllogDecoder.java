package dev.kubebench.collector.mllog;

import dev.kubebench.collector.mllog.EventBuilder.Member;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Decodes any MLLOG event JSON with the Jackson streaming parser (no JSON trees): the reference the flat fast path
 * must match, and the path for every line the fast path declines. Bytes are read as UTF-8, and again as ISO-8859-1
 * when they are not valid UTF-8, as the MLPerf summarizer does. Not thread-safe.
 */
final class JacksonMllogDecoder {
    private static final JsonFactory JSON = new JsonFactory();

    private final EventBuilder event = new EventBuilder();

    /** The event in {@code a[off, end)}, or null when it is not a JSON object with a string {@code key}. */
    MllogEvent decode(byte[] a, int off, int end, long lineNumber) {
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), a, off, end - off)) {
            return read(p, lineNumber);
        } catch (JacksonException e) {
            if (!hasHighBytes(a, off, end)) {
                return null;
            }
        }
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(),
                new String(a, off, end - off, StandardCharsets.ISO_8859_1))) {
            return read(p, lineNumber);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static boolean hasHighBytes(byte[] a, int off, int end) {
        for (int i = off; i < end; i++) {
            if (a[i] < 0) {
                return true;
            }
        }
        return false;
    }

    private MllogEvent read(JsonParser p, long lineNumber) {
        event.reset();
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken t = p.nextToken();
            Member m = Member.named(name);
            switch (m) {
                // only a string counts; the tokens of a nested value are left to this loop, as they always were
                case KEY, EVENT_TYPE -> event.scalar(m, t == JsonToken.VALUE_STRING ? p.getString() : null);
                case TIME_MS -> event.scalar(m, scalar(p, t));
                case VALUE, METADATA -> objectOrScalar(p, t, m);
                case OTHER -> p.skipChildren();
            }
        }
        return event.build(lineNumber);
    }

    private void objectOrScalar(JsonParser p, JsonToken t, Member m) {
        if (t != JsonToken.START_OBJECT) {
            event.scalar(m, scalar(p, t));
            return;
        }
        event.startObject(m);
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken member = p.nextToken();
            if (EventBuilder.keeps(m, name)) {
                event.member(m, name, scalar(p, member));
            } else {
                // metadata's file, lineno and the rest: skipped without materialising their values
                p.skipChildren();
            }
        }
    }

    /** A scalar as {@link Double}, {@link String} or {@link Boolean}; null for JSON null, arrays and objects. */
    private static Object scalar(JsonParser p, JsonToken t) {
        return switch (t) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_STRING -> p.getString();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case START_ARRAY, START_OBJECT -> skip(p);
            default -> null;
        };
    }

    private static Object skip(JsonParser p) {
        p.skipChildren();
        return null;
    }
}
