package dev.kubebench.report.html;

import dev.kubebench.core.text.Numbers;
import dev.kubebench.report.analysis.aggregate.NoiseReport;
import dev.kubebench.report.analysis.aggregate.PointNoise;
import dev.kubebench.report.analysis.aggregate.SweepPoint;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;

/** The noise section of the HTML report: CV and Tukey outliers per point, and the CV warnings. */
final class HtmlNoise {
    private HtmlNoise() {
    }

    static void write(List<SweepPoint> points, Writer out) throws IOException {
        List<PointNoise> noise = NoiseReport.of(points);
        if (noise.isEmpty()) {
            return;
        }
        out.write("<section id=\"noise\">\n<h2>Noise of " + Html.escape(noise.get(0).metric()) + "</h2>\n<table>\n"
                + "<thead><tr><th>point</th><th>n</th><th>CV</th><th>outlier trials</th></tr></thead>\n<tbody>\n");
        for (PointNoise n : noise) {
            out.write("<tr><td>" + Html.escape(n.point()) + "</td><td class=\"num\">" + n.n()
                    + "</td><td class=\"num\">"
                    + Numbers.fixed(n.cvPercent(), 1) + "%</td><td>" + (n.outliers().isEmpty() ? "&ndash;"
                    : n.outliers().stream().map(String::valueOf).collect(Collectors.joining(", "))) + "</td></tr>\n");
        }
        out.write("</tbody>\n</table>\n");
        for (PointNoise n : noise) {
            if (n.warning() != null) {
                out.write("<p class=\"warn\">" + Html.escape(n.point() + ": " + n.warning()) + "</p>\n");
            }
        }
        out.write("<p class=\"note\">Coefficient of variation over succeeded trials; outliers outside Tukey's "
                + "fences (Q1 &minus; 1.5 IQR, Q3 + 1.5 IQR). Points with fewer than " + NoiseReport.MIN_VALUES
                + " values are not listed.</p>\n</section>\n");
    }
}
