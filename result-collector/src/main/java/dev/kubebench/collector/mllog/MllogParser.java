package dev.kubebench.collector.mllog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Streaming reader of MLPerf MLLOG logs, following the MLCommons result summarizer: a line holds an event when it
 * contains {@code :::MLLOG } anywhere (rank prefixes such as {@code 0: } or {@code [0] } may precede it); the rest of
 * the line is one JSON object. Lines end at {@code \n}, {@code \r\n} or a bare {@code \r}. Gzip input is detected by
 * its magic bytes. Noise, malformed and over-long lines are counted, never fatal.
 *
 * <p>Memory does not depend on the input size: one read buffer and one line buffer capped at
 * {@link #maxLineBytes()} bytes. A line's key is found by a byte scan first; only lines whose key the visitor
 * {@link MllogVisitor#wants wants} are decoded, with the Jackson streaming parser (no JSON trees). Bytes are
 * decoded as UTF-8, falling back to ISO-8859-1 for lines that are not valid UTF-8. Not thread-safe; use one
 * instance per thread.
 */
public final class MllogParser {
    /** The default line cap: 1 MiB. */
    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

    private static final byte[] TOKEN = ":::MLLOG ".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] KEY_NAME = "\"key\"".getBytes(StandardCharsets.ISO_8859_1);
    private static final int READ_BUFFER = 1 << 16;
    private static final JsonFactory JSON = new JsonFactory();
    /** Metadata members kept on decoded events; see {@link MllogEvent#metadata()}. */
    public static final Set<String> METADATA = Set.of("status", "epoch_num", "epoch_count", "first_epoch_num",
            "samples_count", "step", "metric", "rank");

    private final int maxLineBytes;
    private final boolean fastPath;
    private final FlatMllogDecoder flat = new FlatMllogDecoder();

    // per-parse state
    private MllogVisitor visitor;
    private byte[] lineBuf;
    private int carry;
    private boolean truncated;
    private long bytes;
    private long lines;
    private long events;
    private long decoded;
    private long noise;
    private long malformed;
    private long truncatedLines;

    /** A parser with the default 1 MiB line cap. */
    public MllogParser() {
        this(DEFAULT_MAX_LINE_BYTES);
    }

    /** A parser whose lines are capped at {@code maxLineBytes} (at least 256); longer lines lose their tail. */
    public MllogParser(int maxLineBytes) {
        this(maxLineBytes, true);
    }

    /**
     * A parser with a line cap; {@code fastPath == false} decodes every event with Jackson (for tests that check the
     * fast path decodes exactly as Jackson does).
     */
    public MllogParser(int maxLineBytes, boolean fastPath) {
        this.fastPath = fastPath;
        if (maxLineBytes < 256) {
            throw new IllegalArgumentException("maxLineBytes must be at least 256, got " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
    }

    /** The line cap in bytes. */
    public int maxLineBytes() {
        return maxLineBytes;
    }

    /**
     * The event on one log line, decoded exactly as {@link #parse} decodes it; empty when the line holds none (no
     * {@code :::MLLOG}, or malformed). For callers that see a log a line at a time (the live status display).
     */
    public static Optional<MllogEvent> decodeLine(String line) {
        List<MllogEvent> found = new ArrayList<>(1);
        try {
            new MllogParser().parse(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)),
                    new MllogVisitor() {
                        @Override
                        public boolean wants(String key) {
                            return found.isEmpty();
                        }

                        @Override
                        public void event(MllogEvent event) {
                            found.add(event);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array cannot fail to read
        }
        return found.stream().findFirst();
    }

    /** Parses a file (plain or gzip). */
    public ParseStats parse(Path file, MllogVisitor visitor) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, visitor);
        }
    }

    /** Parses a stream (plain or gzip) to its end; the caller closes it. */
    public ParseStats parse(InputStream raw, MllogVisitor visitor) throws IOException {
        this.visitor = visitor;
        lineBuf = new byte[Math.min(maxLineBytes, 8192)];
        carry = 0;
        truncated = false;
        bytes = 0;
        lines = 0;
        events = 0;
        decoded = 0;
        noise = 0;
        malformed = 0;
        truncatedLines = 0;

        PushbackInputStream pb = new PushbackInputStream(raw, 2);
        byte[] magic = new byte[2];
        int m = pb.readNBytes(magic, 0, 2);
        if (m > 0) {
            pb.unread(magic, 0, m);
        }
        boolean gzip = m == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
        InputStream in = gzip ? new GZIPInputStream(pb, READ_BUFFER) : pb;
        try {
            read(in);
        } finally {
            this.visitor = null;
            lineBuf = null;
        }
        return new ParseStats(bytes, lines, events, decoded, noise, malformed, truncatedLines, gzip);
    }

    private void read(InputStream in) throws IOException {
        byte[] buf = new byte[READ_BUFFER];
        boolean skipLf = false;
        int n;
        while ((n = in.read(buf, 0, buf.length)) >= 0) {
            if (n == 0) {
                continue;
            }
            bytes += n;
            int i = 0;
            if (skipLf) {
                // a \r ended the previous chunk: a \n starting this one belongs to the same line end
                if (buf[0] == '\n') {
                    i = 1;
                }
                skipLf = false;
            }
            int start = i;
            while (i < n) {
                i = indexOfLineEnd(buf, i, n);
                if (i < 0) {
                    i = n;
                    break;
                }
                byte b = buf[i];
                if (carry > 0 || truncated) {
                    append(buf, start, i - start);
                    line(lineBuf, 0, carry);
                    carry = 0;
                    truncated = false;
                } else if (i - start > maxLineBytes) {
                    truncatedLines++;
                    line(buf, start, maxLineBytes);
                } else {
                    line(buf, start, i - start);
                }
                i++;
                if (b == '\r') {
                    if (i < n) {
                        if (buf[i] == '\n') {
                            i++;
                        }
                    } else {
                        skipLf = true;
                    }
                }
                start = i;
            }
            if (start < n) {
                append(buf, start, n - start);
            }
        }
        if (carry > 0 || truncated) {
            line(lineBuf, 0, carry);
            carry = 0;
            truncated = false;
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LFS = 0x0A0A0A0A0A0A0A0AL;
    private static final long CRS = 0x0D0D0D0D0D0D0D0DL;
    private static final long COLONS = 0x3A3A3A3A3A3A3A3AL;

    /** Index of the first {@code \n} or {@code \r} in {@code [from, to)}, or -1; eight bytes at a time. */
    static int indexOfLineEnd(byte[] a, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long w = (long) LONGS.get(a, i);
            long x = w ^ LFS;
            long y = w ^ CRS;
            long h = ((x - ONES) & ~x | (y - ONES) & ~y) & HIGHS;
            if (h != 0) {
                return i + (Long.numberOfTrailingZeros(h) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (a[i] == '\n' || a[i] == '\r') {
                return i;
            }
        }
        return -1;
    }

    private void append(byte[] src, int off, int len) {
        if (len == 0) {
            return;
        }
        int room = maxLineBytes - carry;
        if (len > room) {
            if (!truncated) {
                truncated = true;
                truncatedLines++;
            }
            len = room;
            if (len == 0) {
                return;
            }
        }
        if (carry + len > lineBuf.length) {
            int size = lineBuf.length;
            while (size < carry + len) {
                size = Math.min(maxLineBytes, size * 2);
            }
            lineBuf = java.util.Arrays.copyOf(lineBuf, size);
        }
        System.arraycopy(src, off, lineBuf, carry, len);
        carry += len;
    }

    private void line(byte[] a, int off, int len) {
        lines++;
        int end = off + len;
        int t = indexOfToken(a, off, end);
        if (t < 0) {
            if (!blank(a, off, end)) {
                noise++;
            }
            return;
        }
        int js = t + TOKEN.length;
        String key = findKey(a, js, end);
        if (key == null) {
            malformed++;
            return;
        }
        events++;
        if (!visitor.wants(key)) {
            return;
        }
        MllogEvent e = decode(a, js, end);
        if (e == null) {
            malformed++;
            return;
        }
        decoded++;
        visitor.event(e);
    }

    private static boolean blank(byte[] a, int off, int end) {
        for (int i = off; i < end; i++) {
            if (a[i] != ' ' && a[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private static int indexOfToken(byte[] a, int off, int end) {
        int last = end - TOKEN.length;
        int i = off;
        while (i <= last) {
            if (isToken(a, i)) {
                return i;
            }
            // skip ahead to the next ':' eight bytes at a time
            i++;
            for (; i + 8 <= last; i += 8) {
                long w = (long) LONGS.get(a, i) ^ COLONS;
                long h = (w - ONES) & ~w & HIGHS;
                if (h != 0) {
                    i += Long.numberOfTrailingZeros(h) >>> 3;
                    break;
                }
            }
            while (i <= last && a[i] != ':') {
                i++;
            }
        }
        return -1;
    }

    private static boolean isToken(byte[] a, int i) {
        return a[i] == ':' && a[i + 1] == ':' && a[i + 2] == ':' && a[i + 3] == 'M' && a[i + 4] == 'L'
                && a[i + 5] == 'L' && a[i + 6] == 'O' && a[i + 7] == 'G' && a[i + 8] == ' ';
    }

    /** The top-level {@code "key": "..."} value found by a byte scan, or null when there is none. */
    private static String findKey(byte[] a, int off, int end) {
        int last = end - KEY_NAME.length;
        for (int i = off; i <= last; i++) {
            if (a[i + 1] == 'k' && a[i] == '"' && a[i + 2] == 'e' && a[i + 3] == 'y' && a[i + 4] == '"') {
                int j = i + 5;
                while (j < end && (a[j] == ' ' || a[j] == '\t')) {
                    j++;
                }
                if (j >= end || a[j] != ':') {
                    continue;
                }
                j++;
                while (j < end && (a[j] == ' ' || a[j] == '\t')) {
                    j++;
                }
                if (j >= end || a[j] != '"') {
                    return null;
                }
                int s = ++j;
                while (j < end && a[j] != '"') {
                    if (a[j] == '\\') {
                        return null;
                    }
                    j++;
                }
                return j < end ? new String(a, s, j - s, StandardCharsets.ISO_8859_1) : null;
            }
        }
        return null;
    }

    private MllogEvent decode(byte[] a, int off, int end) {
        if (fastPath) {
            MllogEvent e = flat.decode(a, off, end, lines);
            if (e != null) {
                return e;
            }
        }
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), a, off, end - off)) {
            return read(p);
        } catch (JacksonException e) {
            if (!hasHighBytes(a, off, end)) {
                return null;
            }
        }
        // not valid UTF-8: read the bytes as ISO-8859-1, as the MLPerf summarizer does
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(),
                new String(a, off, end - off, StandardCharsets.ISO_8859_1))) {
            return read(p);
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

    private MllogEvent read(JsonParser p) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        String key = null;
        String eventType = null;
        double timeMs = Double.NaN;
        Object value = null;
        Map<String, Object> metadata = null;
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "key":
                    key = t == JsonToken.VALUE_STRING ? p.getString() : null;
                    break;
                case "time_ms":
                    timeMs = number(p, t);
                    break;
                case "event_type":
                    eventType = t == JsonToken.VALUE_STRING ? p.getString() : null;
                    break;
                case "value":
                    value = scalarOrObject(p, t);
                    break;
                case "metadata":
                    metadata = t == JsonToken.START_OBJECT ? metadata(p) : skip(p);
                    break;
                default:
                    p.skipChildren();
            }
        }
        return key == null ? null : new MllogEvent(key, timeMs, eventType, value, metadata, lines);
    }

    private static double number(JsonParser p, JsonToken t) {
        if (t.isNumeric()) {
            return p.getDoubleValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            try {
                return Double.parseDouble(p.getString().trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        p.skipChildren();
        return Double.NaN;
    }

    private static Object scalarOrObject(JsonParser p, JsonToken t) {
        if (t == JsonToken.START_OBJECT) {
            return object(p);
        }
        return scalar(p, t);
    }

    private static Object scalar(JsonParser p, JsonToken t) {
        switch (t) {
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_STRING:
                return p.getString();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case START_ARRAY:
            case START_OBJECT:
                p.skipChildren();
                return null;
            default:
                return null;
        }
    }

    /** Scalar members of the current object; nested objects and arrays are skipped. */
    private static Map<String, Object> object(JsonParser p) {
        Map<String, Object> map = new LinkedHashMap<>();
        String name;
        while ((name = p.nextName()) != null) {
            Object v = scalar(p, p.nextToken());
            if (v != null) {
                map.put(name, v);
            }
        }
        return map;
    }

    /**
     * The metadata members kubebench reads; {@code file}, {@code lineno} and the rest are skipped without
     * materialising their values.
     */
    private static Map<String, Object> metadata(JsonParser p) {
        Map<String, Object> map = null;
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken t = p.nextToken();
            if (!METADATA.contains(name)) {
                p.skipChildren();
                continue;
            }
            Object v = scalar(p, t);
            if (v != null) {
                if (map == null) {
                    map = new HashMap<>(8);
                }
                map.put(name, v);
            }
        }
        return map;
    }

    private static Map<String, Object> skip(JsonParser p) {
        p.skipChildren();
        return null;
    }
}
