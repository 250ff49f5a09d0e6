package dev.kubebench.report;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes one report file of a run (CSV, HTML, Markdown, JUnit XML...). Implementations are stateless and
 * deterministic: the same {@link RunReport} gives the same bytes (no clock, {@code Locale.ROOT}).
 */
public interface Reporter {
    /** The file name this reporter writes in the output directory, e.g. {@code results.csv}. */
    String fileName();

    /** Writes the report, as UTF-8 text, to {@code out}; does not close it. */
    void write(RunReport report, Writer out) throws IOException;
}
