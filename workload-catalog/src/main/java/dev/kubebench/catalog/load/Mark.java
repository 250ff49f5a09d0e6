package dev.kubebench.catalog.load;

import java.util.Objects;

/**
 * Where a value came from: a spec file position (1-based line and column) or a {@code --set} argument.
 *
 * @param source the file name as the user gave it, or {@code --set k=v} for command-line overrides
 * @param line   1-based line; 0 when the source has no lines (a {@code --set} argument)
 * @param column 1-based column; 0 when unknown
 */
public record Mark(String source, int line, int column) {
    public Mark {
        Objects.requireNonNull(source, "source");
    }

    /** A mark for a value given on the command line. */
    public static Mark argument(String argument) {
        return new Mark(argument, 0, 0);
    }

    /** {@code file:line:col}, or the argument text for command-line values. */
    @Override
    public String toString() {
        return line == 0 ? source : source + ":" + line + ":" + column;
    }
}
