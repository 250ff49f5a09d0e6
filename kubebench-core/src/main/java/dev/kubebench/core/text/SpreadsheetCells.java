package dev.kubebench.core.text;

import java.util.regex.Pattern;

/**
 * CSV cells a spreadsheet cannot run (CSV injection), the way OWASP recommends: a cell that begins with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a single quote in front and is quoted, unless it
 * is a plain number ({@code -1.5}, {@code 1.0E-5} stay numbers). The reporters' {@code SafeCsv} and the writers of
 * {@code telemetry.csv} use it; docs/reports.md, "CSV injection".
 */
public final class SpreadsheetCells {
    /** What a spreadsheet may read as the start of a formula. */
    private static final String FORMULA_STARTS = "=+-@\t\r";
    /** A decimal number as Java and spreadsheets write it: optional sign, digits, optional fraction and exponent. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private SpreadsheetCells() {
    }

    /** True when {@code cell} starts like a formula and is not a plain number. */
    public static boolean isFormula(String cell) {
        return cell != null && !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0
                && !PLAIN_NUMBER.matcher(cell).matches();
    }

    /** {@code cell} with a single quote in front if a spreadsheet could run it as a formula, else unchanged. */
    public static String neutralize(String cell) {
        return isFormula(cell) ? "'" + cell : cell;
    }

    /**
     * One RFC 4180 field: neutralized, and quoted (inner quotes doubled) when it was neutralized or holds a comma,
     * a quote or a line break; null is an empty field.
     */
    public static String csvField(String cell) {
        if (cell == null) {
            return "";
        }
        boolean formula = isFormula(cell);
        String text = formula ? "'" + cell : cell;
        boolean quote = formula || text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
