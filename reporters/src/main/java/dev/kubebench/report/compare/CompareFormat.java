package dev.kubebench.report.compare;

/** The output formats of {@code kubebench compare}. */
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
