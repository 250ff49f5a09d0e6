package dev.kubebench.core.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A table for the terminal: a header row and data rows in columns as wide as their widest cell, each cell aligned
 * left or right, columns separated by a gap of spaces, every line indented alike and without trailing blanks (so a
 * left-aligned last column is never padded and an empty last cell leaves no trace). Widths count {@code char}s,
 * which suits the ASCII, "±" and "∞" that kubebench prints. Cells are {@link Printable#escape escaped}, so a newline or
 * an escape sequence in a value from a spec or a log shows as {@code \n} or {@code \e} and cannot break the table.
 *
 * <pre>
 * String text = TextTable.of(Align.LEFT, Align.RIGHT).indent(2).header("pool", "gpus").row("h100", "8").render();
 * </pre>
 */
public final class TextTable {
    /** How a cell sits in its column. */
    public enum Align { LEFT, RIGHT }

    private final List<Align> align;
    private final List<List<String>> rows = new ArrayList<>();
    private int indent;
    private int gap = 2;

    private TextTable(List<Align> align) {
        if (align.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.align = List.copyOf(align);
    }

    /** A table with one column per alignment, first to last; no indent and a gap of two spaces until changed. */
    public static TextTable of(Align... columns) {
        return new TextTable(Arrays.asList(columns));
    }

    /** A table of {@code columns} left-aligned columns. */
    public static TextTable left(int columns) {
        Align[] all = new Align[columns];
        Arrays.fill(all, Align.LEFT);
        return of(all);
    }

    /** Spaces before the first column of every line, 0 or more. */
    public TextTable indent(int spaces) {
        if (spaces < 0) {
            throw new IllegalArgumentException("indent must not be negative: " + spaces);
        }
        this.indent = spaces;
        return this;
    }

    /** Spaces between two columns, 0 or more. */
    public TextTable gap(int spaces) {
        if (spaces < 0) {
            throw new IllegalArgumentException("gap must not be negative: " + spaces);
        }
        this.gap = spaces;
        return this;
    }

    /** The column headings, printed first; call it before adding rows. */
    public TextTable header(String... cells) {
        if (!rows.isEmpty()) {
            throw new IllegalStateException("the header comes before the rows");
        }
        return row(cells);
    }

    /** One row, one cell per column; null cells print as empty, control characters escaped. */
    public TextTable row(String... cells) {
        if (cells.length != align.size()) {
            throw new IllegalArgumentException("expected " + align.size() + " cells, got " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(c -> Printable.escape(Objects.toString(c, ""))).toList());
        return this;
    }

    /** The lines of the table without line separators: the header (if any) and the rows in the order added. */
    public List<String> lines() {
        int[] width = new int[align.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        List<String> out = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder(" ".repeat(indent));
            for (int i = 0; i < width.length; i++) {
                if (i > 0) {
                    line.append(" ".repeat(gap));
                }
                String cell = row.get(i);
                String pad = " ".repeat(width[i] - cell.length());
                line.append(align.get(i) == Align.RIGHT ? pad + cell : cell + pad);
            }
            out.add(line.toString().stripTrailing());
        }
        return out;
    }

    /** The table as text, each line ended by {@code \n}. */
    public String render() {
        StringBuilder out = new StringBuilder();
        for (String line : lines()) {
            out.append(line).append('\n');
        }
        return out.toString();
    }
}
