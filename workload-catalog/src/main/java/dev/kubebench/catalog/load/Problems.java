package dev.kubebench.catalog.load;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects spec problems, each one line {@code file:line:col: field.path: message}, without duplicates (a problem in
 * a value shared by every sweep point is reported once).
 */
public final class Problems {
    private final Set<String> lines = new LinkedHashSet<>();
    private final Set<String> places = new HashSet<>();

    /**
     * Adds a problem at {@code mark} about the field at {@code path}. Only the first problem per position and field
     * is kept: a value already reported (an unknown parameter, say) does not cascade into a type error.
     */
    public void add(Mark mark, String path, String message) {
        if (!places.add(mark + "|" + path)) {
            return;
        }
        lines.add(oneLine(mark + ": " + (path == null || path.isEmpty() ? "" : path + ": ") + message));
    }

    /**
     * A problem is one line even when it quotes a value with line breaks: they are written as escapes ({@code \n},
     * {@code \r}, {@code \}{@code u2028}), the way the terminal escaping in the CLI writes them.
     */
    static String oneLine(String line) {
        StringBuilder b = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            String escape = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\u000B', '\u000C', '\u0085', '\u2028', '\u2029' -> String.format("\\u%04x", (int) c);
                default -> null;
            };
            if (escape != null && b == null) {
                b = new StringBuilder(line.length() + 8).append(line, 0, i);
            }
            if (b != null) {
                b.append(escape == null ? String.valueOf(c) : escape);
            }
        }
        return b == null ? line : b.toString();
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public int size() {
        return lines.size();
    }

    /** The problems in the order found. */
    public List<String> lines() {
        return new ArrayList<>(lines);
    }

    /** Adds every problem of {@code e}. */
    public void addAll(KubebenchException e) {
        lines.addAll(e.problems());
    }

    /** Throws {@link Failure#INVALID_INPUT} listing every problem, if there are any. */
    public void throwIfAny() {
        if (!lines.isEmpty()) {
            throw new KubebenchException(Failure.INVALID_INPUT, lines(), null);
        }
    }
}
