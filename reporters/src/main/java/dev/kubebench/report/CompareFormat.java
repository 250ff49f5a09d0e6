package dev.kubebench.report;

import dev.kubebench.report.json.JsonComparisonRenderer;
import dev.kubebench.report.junit.JunitComparisonRenderer;
import dev.kubebench.report.markdown.MarkdownComparisonRenderer;
import dev.kubebench.report.text.TextComparisonRenderer;

/** The output formats of {@code kubebench compare}; each renders with the writer in its format's package. */
public enum CompareFormat {
    TEXT(new TextComparisonRenderer()),
    JSON(new JsonComparisonRenderer()),
    MARKDOWN(new MarkdownComparisonRenderer()),
    JUNIT(new JunitComparisonRenderer());

    private final ComparisonRenderer renderer;

    CompareFormat(ComparisonRenderer renderer) {
        this.renderer = renderer;
    }

    public ComparisonRenderer renderer() {
        return renderer;
    }
}
