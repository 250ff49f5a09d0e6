package dev.kubebench.report.markdown;

import dev.kubebench.core.text.Numbers;
import dev.kubebench.report.analysis.aggregate.NoiseReport;
import dev.kubebench.report.analysis.aggregate.PointNoise;
import dev.kubebench.report.analysis.aggregate.SweepPoint;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;

/** The noise table of the Markdown summary: CV and Tukey outliers per point, then the CV warnings. */
final class MarkdownNoise {
    private MarkdownNoise() {
    }

    static void write(List<SweepPoint> points, Writer out) throws IOException {
        List<PointNoise> noise = NoiseReport.of(points);
        if (noise.isEmpty()) {
            return;
        }
        out.write("\n| point | noise of " + Md.cell(noise.get(0).metric()) + " | CV | outlier trials |\n"
                + "|---|---:|---:|---|\n");
        for (PointNoise n : noise) {
            out.write("| " + Md.cell(n.point()) + " | n=" + n.n() + " | " + Numbers.fixed(n.cvPercent(), 1) + "% | "
                    + (n.outliers().isEmpty() ? "–" : n.outliers().stream().map(String::valueOf)
                            .collect(Collectors.joining(", "))) + " |\n");
        }
        for (PointNoise n : noise) {
            if (n.warning() != null) {
                out.write("\n**Warning** (" + Md.cell(n.point()) + "): " + Md.cell(n.warning()) + "\n");
            }
        }
    }
}
