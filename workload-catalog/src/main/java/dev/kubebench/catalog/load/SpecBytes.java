package dev.kubebench.catalog.load;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The bytes of a spec file and their text: bounded reads and strict UTF-8, before any YAML is parsed. */
final class SpecBytes {
    private SpecBytes() {
    }

    /** A file's bytes, at most {@code maxBytes}; {@code displayName} is how messages name it. */
    static byte[] readFile(Path file, String displayName, int maxBytes) {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                throw invalid(displayName + ": " + (Files.exists(file) ? "not a regular file" : "no such file"));
            }
            long size = Files.size(file);
            if (size > maxBytes) {
                throw invalid(displayName + ": file is " + size + " bytes; a spec may be at most " + maxBytes
                        + " bytes (" + maxBytes / (1024 * 1024) + " MiB)");
            }
            try (InputStream in = Files.newInputStream(file)) {
                // readNBytes bounds memory even if the file grows while we read it.
                bytes = in.readNBytes(maxBytes + 1);
            }
        } catch (NoSuchFileException e) {
            throw invalid(displayName + ": no such file");
        } catch (IOException e) {
            throw invalid(displayName + ": cannot read: " + e.getMessage());
        }
        return bytes;
    }

    /** The text of UTF-8 bytes (an optional BOM); UTF-16 and malformed bytes are errors naming line and column. */
    static String decodeUtf8(byte[] bytes, String source) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        String wide = wideEncoding(bytes);
        if (wide != null) {
            throw invalid(source + ":1:1: the file is " + wide + "; specs must be UTF-8");
        }
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) {
            int bad = in.position();
            out.flip();
            String prefix = out.toString();
            int line = 1;
            int col = 1;
            for (int i = 0; i < prefix.length(); i++) {
                if (prefix.charAt(i) == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
            }
            throw invalid(String.format("%s:%d:%d: the file is not valid UTF-8 (byte 0x%02X at offset %d)",
                    source, line, col, bytes[bad] & 0xff, bad));
        }
        dec.flush(out);
        out.flip();
        return out.toString();
    }

    /**
     * UTF-32 or UTF-16 (with or without a byte order mark, told by the NUL bytes around the first character, which a
     * YAML document starts with in ASCII), or null. UTF-32 is tested first: its little-endian BOM starts like UTF-16's.
     */
    static String wideEncoding(byte[] b) {
        if (b.length >= 4) {
            int b0 = b[0] & 0xff;
            int b1 = b[1] & 0xff;
            int b2 = b[2] & 0xff;
            int b3 = b[3] & 0xff;
            if (b0 == 0 && b1 == 0 && (b2 == 0xFE && b3 == 0xFF || b2 == 0 && b3 != 0)) {
                return "UTF-32 (big-endian)";
            }
            if (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0 || b0 != 0 && b1 == 0 && b2 == 0 && b3 == 0) {
                return "UTF-32 (little-endian)";
            }
        }
        if (b.length >= 2) {
            int b0 = b[0] & 0xff;
            int b1 = b[1] & 0xff;
            if (b0 == 0xFE && b1 == 0xFF || b0 == 0 && b1 != 0) {
                return "UTF-16 (big-endian)";
            }
            if (b0 == 0xFF && b1 == 0xFE || b0 != 0 && b1 == 0) {
                return "UTF-16 (little-endian)";
            }
        }
        return null;
    }

    private static KubebenchException invalid(String line) {
        return new KubebenchException(Failure.INVALID_INPUT, line);
    }
}
