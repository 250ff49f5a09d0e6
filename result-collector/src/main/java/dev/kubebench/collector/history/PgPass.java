package dev.kubebench.collector.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A password file in libpq's format ({@code ~/.pgpass}, or the file {@code PGPASSFILE} names): one
 * {@code hostname:port:database:username:password} per line, {@code *} matching anything in the first four fields,
 * {@code \:} and {@code \\} escaping a colon and a backslash, {@code #} starting a comment line. The first matching
 * line wins, as in libpq.
 */
public final class PgPass {
    private final List<List<String>> entries;

    private PgPass(List<List<String>> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Parses the text of a password file; malformed lines (fewer than five fields) are skipped, as libpq does. */
    public static PgPass parse(String text) {
        List<List<String>> entries = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = fields(line);
            if (fields.size() >= 5) {
                entries.add(fields);
            }
        }
        return new PgPass(entries);
    }

    /** The file at {@code path}, or an empty one when it does not exist or cannot be read. */
    public static PgPass read(Path path) {
        try {
            return Files.isRegularFile(path) ? parse(Files.readString(path, StandardCharsets.UTF_8))
                    : new PgPass(List.of());
        } catch (IOException e) {
            return new PgPass(List.of());
        }
    }

    /** The password of the first line matching all four keys, or empty. */
    public Optional<String> password(String host, int port, String database, String user) {
        String[] keys = {host, Integer.toString(port), database, user};
        for (List<String> e : entries) {
            boolean match = true;
            for (int i = 0; i < keys.length && match; i++) {
                match = e.get(i).equals("*") || e.get(i).equals(keys[i]);
            }
            if (match) {
                return Optional.of(e.get(4));
            }
        }
        return Optional.empty();
    }

    /** Splits on unescaped colons; the fifth field takes the rest of the line (a password may contain colons). */
    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                field.append(line.charAt(++i));
            } else if (c == ':' && out.size() < 4) {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }
}
