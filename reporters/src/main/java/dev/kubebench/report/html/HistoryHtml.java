package dev.kubebench.report.html;

import dev.kubebench.core.text.Numbers;
import dev.kubebench.report.analysis.trend.ChangePoint;
import dev.kubebench.report.analysis.trend.ChangePointSettings;
import dev.kubebench.report.analysis.trend.TrendResult;
import dev.kubebench.report.analysis.trend.TrendSeries;
import java.util.List;
import java.util.Locale;

/**
 * A benchmark's history page ({@code history.html}): for each metric and sweep point, the per-run medians over time
 * with the detected change points marked, as one self-contained page (inline SVG, no scripts, the run report's
 * Content-Security-Policy). Every text from runs, labels or specs is escaped.
 */
public final class HistoryHtml {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 200;
    private static final int PAD = 30;

    private HistoryHtml() {
    }

    public static String html(String title, List<TrendResult> results, ChangePointSettings settings) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(HtmlReporter.CSP)
                .append("\">\n<title>")
                .append(Html.escape(title)).append("</title>\n<style>body{font-family:sans-serif;margin:2em}"
                        + "svg{border:1px solid #ccc}table{border-collapse:collapse}td,th{padding:2px 8px;"
                        + "border-bottom:1px solid #eee;text-align:right}</style></head><body>\n<h1>")
                .append(Html.escape(title)).append("</h1>\n<p>Per-run medians of succeeded trials, oldest first;"
                        + " red lines mark change points (E-divisive means, p &le; ")
                .append(Numbers.plain(settings.maxPValue())).append(", window ").append(settings.windowLength())
                .append(").</p>\n");
        for (TrendResult r : results) {
            TrendSeries s = r.series();
            sb.append("<h2>").append(Html.escape(s.label())).append(" (").append(s.direction().yamlName())
                    .append(" is better, ").append(s.values().length).append(" runs)</h2>\n");
            sb.append(svg(r));
            if (!r.changePoints().isEmpty()) {
                sb.append("<table><tr><th>from run</th><th>before</th><th>after</th><th>change</th><th>p</th></tr>\n");
                for (ChangePoint cp : r.changePoints()) {
                    sb.append("<tr><td>").append(Html.escape(s.runIds().get(cp.index()))).append("</td><td>")
                            .append(Numbers.rounded(cp.meanBefore(), 3)).append("</td><td>")
                            .append(Numbers.rounded(cp.meanAfter(), 3)).append("</td><td>")
                            .append(String.format(Locale.ROOT, "%+.2f%%", cp.changePercent())).append("</td><td>")
                            .append(String.format(Locale.ROOT, "%.2g", cp.pValue())).append("</td></tr>\n");
                }
                sb.append("</table>\n");
            }
        }
        return sb.append("</body></html>\n").toString();
    }

    private static String svg(TrendResult r) {
        double[] v = r.series().values();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        double span = max > min ? max - min : Math.max(Math.abs(max), 1);
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" role=\"img\"><title>").append(Html.escape(r.series().label()))
                .append("</title>\n");
        sb.append("<text x=\"2\" y=\"12\" font-size=\"10\">").append(Numbers.rounded(max, 3)).append("</text>")
                .append("<text x=\"2\" y=\"").append(HEIGHT - 2).append("\" font-size=\"10\">")
                .append(Numbers.rounded(min, 3)).append("</text>\n");
        for (ChangePoint cp : r.changePoints()) {
            double x = x(cp.index(), v.length);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" stroke=\"red\" "
                    + "stroke-dasharray=\"4 3\"><title>change %+.2f%%</title></line>%n", x, x, HEIGHT,
                    cp.changePercent()));
        }
        sb.append("<polyline fill=\"none\" stroke=\"#1f77b4\" points=\"");
        for (int i = 0; i < v.length; i++) {
            double y = HEIGHT - PAD / 2.0 - (v[i] - min) / span * (HEIGHT - PAD);
            sb.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i, v.length), y));
        }
        return sb.append("\"/></svg>\n").toString();
    }

    private static double x(int i, int n) {
        return n <= 1 ? WIDTH / 2.0 : PAD + i * (WIDTH - 2.0 * PAD) / (n - 1);
    }

}
