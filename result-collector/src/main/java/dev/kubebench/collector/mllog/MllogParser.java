package dev.kubebench.collector.mllog;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Streaming reader of MLPerf MLLOG logs, following the MLCommons result summarizer: a line holds an event when it
 * contains {@code :::MLLOG } anywhere (rank prefixes such as {@code 0: } or {@code [0] } may precede it); the rest of
 * the line is one JSON object. Lines end at {@code \n}, {@code \r\n} or a bare {@code \r}. Gzip input is detected by
 * its magic bytes. Noise, malformed and over-long lines are counted, never fatal.
 *
 * <p>Memory does not depend on the input size: one read buffer and one line buffer capped at
 * {@link #maxLineBytes()} bytes. A line's key is found by a byte scan first ({@link MllogScan}); only lines whose
 * key the visitor {@link MllogVisitor#wants wants} are decoded: by the {@link FlatMllogDecoder flat fast path} when
 * the line has the flat shape MLPerf loggers write, otherwise with the Jackson streaming parser
 * ({@link JacksonMllogDecoder}; no JSON trees). Bytes are decoded as UTF-8, falling back to ISO-8859-1 for lines
 * that are not valid UTF-8. Not thread-safe; use one instance per thread.
 */
public final class MllogParser {
    /** The default line cap: 1 MiB. */
    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

    private static final int READ_BUFFER = 1 << 16;
    /** Metadata members kept on decoded events; see {@link MllogEvent#metadata()}. */
    public static final Set<String> METADATA = Set.of("status", "epoch_num", "epoch_count", "first_epoch_num",
            "samples_count", "step", "step_num", "metric", "rank");

    private final int maxLineBytes;
    private final boolean fastPath;
    private final FlatMllogDecoder flat = new FlatMllogDecoder();
    private final JacksonMllogDecoder jackson = new JacksonMllogDecoder();

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
     * A parser with a line cap; {@code fastPath == false} decodes every event with Jackson. Production code uses
     * the fast path; the switch is for the test that checks the fast path decodes exactly as Jackson does, and for
     * {@code MllogParseBenchmark}, which measures what the fast path is worth.
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

    /**
     * Parses a file (plain or gzip).
     *
     * @throws KubebenchException INVALID_INPUT naming the file when its gzip data is truncated or corrupt
     */
    public ParseStats parse(Path file, MllogVisitor visitor) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, visitor);
        } catch (EOFException e) {
            // only the gzip stream throws these: a plain file simply ends
            throw new KubebenchException(Failure.INVALID_INPUT,
                    file + ": truncated gzip data (the file ends inside the compressed stream)", e);
        } catch (ZipException e) {
            throw new KubebenchException(Failure.INVALID_INPUT, file + ": corrupt gzip data (" + e.getMessage() + ")",
                    e);
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
        boolean gzip = startsWithGzipMagic(pb);
        InputStream in = gzip ? new GZIPInputStream(pb, READ_BUFFER) : pb;
        try {
            read(in);
        } finally {
            this.visitor = null;
            lineBuf = null;
        }
        return new ParseStats(bytes, lines, events, decoded, noise, malformed, truncatedLines, gzip);
    }

    private static boolean startsWithGzipMagic(PushbackInputStream pb) throws IOException {
        byte[] magic = new byte[2];
        int m = pb.readNBytes(magic, 0, 2);
        if (m > 0) {
            pb.unread(magic, 0, m);
        }
        return m == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
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
            // a \r ended the previous chunk: a \n starting this one belongs to the same line end
            int from = skipLf && buf[0] == '\n' ? 1 : 0;
            skipLf = chunk(buf, from, n);
        }
        if (carry > 0 || truncated) {
            carriedLine();
        }
    }

    /**
     * The lines ending in {@code buf[from, n)}; a tail without line end is carried into the next chunk. Returns true
     * when the chunk ends in {@code \r}, whose {@code \n} may start the next one.
     */
    private boolean chunk(byte[] buf, int from, int n) {
        int start = from;
        while (start < n) {
            int lineEnd = MllogScan.indexOfLineEnd(buf, start, n);
            if (lineEnd < 0) {
                append(buf, start, n - start);
                return false;
            }
            endLine(buf, start, lineEnd);
            start = lineEnd + 1;
            if (buf[lineEnd] == '\r') {
                if (start == n) {
                    return true;
                }
                if (buf[start] == '\n') {
                    start++;
                }
            }
        }
        return false;
    }

    /** A line ending at {@code buf[lineEnd]}, joined to what the previous chunks carried and capped. */
    private void endLine(byte[] buf, int start, int lineEnd) {
        if (carry > 0 || truncated) {
            append(buf, start, lineEnd - start);
            carriedLine();
        } else if (lineEnd - start > maxLineBytes) {
            truncatedLines++;
            line(buf, start, maxLineBytes);
        } else {
            line(buf, start, lineEnd - start);
        }
    }

    private void carriedLine() {
        line(lineBuf, 0, carry);
        carry = 0;
        truncated = false;
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
            lineBuf = Arrays.copyOf(lineBuf, size);
        }
        System.arraycopy(src, off, lineBuf, carry, len);
        carry += len;
    }

    private void line(byte[] a, int off, int len) {
        lines++;
        int end = off + len;
        int t = MllogScan.indexOfToken(a, off, end);
        if (t < 0) {
            if (!MllogScan.isBlank(a, off, end)) {
                noise++;
            }
            return;
        }
        int js = t + MllogScan.TOKEN_LENGTH;
        String key = MllogScan.findKey(a, js, end);
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

    private MllogEvent decode(byte[] a, int off, int end) {
        MllogEvent e = fastPath ? flat.decode(a, off, end, lines) : null;
        return e != null ? e : jackson.decode(a, off, end, lines);
    }
}
