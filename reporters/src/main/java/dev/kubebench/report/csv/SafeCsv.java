package dev.kubebench.report.csv;

import dev.kubebench.core.text.SpreadsheetCells;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * Every CSV kubebench writes goes through here: Commons CSV writes the records, and a cell a spreadsheet would run as a
 * formula (CSV injection) is neutralized the way OWASP recommends: a cell that begins with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return gets a single quote in front and is always quoted
 * ({@code "'=HYPERLINK(...)"}), unless it is a plain number ({@code -1.5}, {@code 1.0E-5} stay numbers). Header cells
 * (metric names, sweep parameter names) are treated alike. The rule itself is the core's {@link SpreadsheetCells}.
 * docs/reports.md, "CSV injection".
 */
public final class SafeCsv {
    private final Appendable out;
    private final CSVFormat format;
    private final CSVFormat quoted;

    /** Records written to {@code out} in {@code format} (which decides delimiter, quoting and record separator). */
    public SafeCsv(Appendable out, CSVFormat format) {
        this.out = Objects.requireNonNull(out, "out");
        this.format = Objects.requireNonNull(format, "format");
        this.quoted = format.builder().setQuoteMode(QuoteMode.ALL).get();
    }

    /** One record; null cells are written empty (unquoted), other cells by their {@code toString()}. */
    public void printRecord(Iterable<?> cells) throws IOException {
        boolean first = true;
        for (Object cell : cells) {
            String text = cell == null ? null : cell.toString();
            if (text != null && isFormula(text)) {
                quoted.print(neutralize(text), out, first);
            } else {
                format.print(cell, out, first);
            }
            first = false;
        }
        format.println(out);
    }

    /** One record, as {@link #printRecord(Iterable)}. */
    public void printRecord(Object... cells) throws IOException {
        printRecord(Arrays.asList(cells));
    }

    /** {@code cell} with a single quote in front if a spreadsheet could run it as a formula, else unchanged. */
    public static String neutralize(String cell) {
        return SpreadsheetCells.neutralize(cell);
    }

    /** True when {@code cell} starts like a formula and is not a plain number ({@link SpreadsheetCells}). */
    static boolean isFormula(String cell) {
        return SpreadsheetCells.isFormula(cell);
    }
}
