package dev.kubebench.report.html;

import dev.kubebench.report.PlanEnergy;

import dev.kubebench.report.analysis.plan.CapacityPlan;
import dev.kubebench.report.analysis.plan.PoolPlan;
import dev.kubebench.report.analysis.plan.ScalePoint;
import dev.kubebench.report.analysis.plan.UslFit;
import dev.kubebench.core.text.Numbers;
import java.util.ArrayList;
import java.util.List;

/**
 * A small self-contained HTML page: the two charts inline as PNG, the tables, the warnings; under the run report's
 * Content-Security-Policy ({@link HtmlReporter#CSP}), so nothing in it can fetch or run anything.
 */
public final class PlanHtml {
    private PlanHtml() {
    }

    public static String render(CapacityPlan plan) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(HtmlReporter.CSP)
                .append("\">")
                .append("<title>kubebench capacity plan</title>\n<style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;max-width:1000px}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;")
                .append("text-align:right}th{background:#f4f4f4}td.l,th.l{text-align:left}.proj{color:#666}")
                .append(".far{color:#b00}.warn{color:#b00}img{max-width:100%}</style></head><body>\n")
                .append("<h1>Capacity plan</h1>\n");
        h.append("<img alt=\"scaling chart\" src=\"").append(PlanCharts.dataUri(PlanCharts.scalingChart(plan)))
                .append("\">\n");
        h.append("<h2>USL fit per pool</h2>\n<table><tr><th class=\"l\">pool</th><th>λ</th><th>σ</th><th>κ</th>")
                .append("<th>R²</th><th>peak GPUs</th></tr>\n");
        for (PoolPlan p : plan.pools()) {
            UslFit f = p.fit();
            h.append("<tr><td class=\"l\">").append(esc(p.pool())).append("</td>");
            if (f == null) {
                h.append("<td colspan=\"5\" class=\"l\">no fit (fewer than 3 scales)</td>");
            } else {
                h.append(td(Numbers.significant(f.model().lambda(), 6) + " ± " + Numbers.general(f.lambdaError(), 4)))
                        .append(td(Numbers.general(f.model().sigma(), 4) + " ± " + Numbers.general(f.sigmaError(), 4)))
                        .append(td(Numbers.general(f.model().kappa(), 4) + " ± " + Numbers.general(f.kappaError(), 4)))
                        .append(td(Numbers.fixed(f.r2(), 4)))
                        .append(td(Numbers.fixed(f.model().peakGpus(), 1)));
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
        for (PoolPlan p : plan.pools()) {
            h.append("<h2>Pool ").append(esc(p.pool())).append("</h2>\n<table><tr><th>GPUs</th><th class=\"l\">")
                    .append("kind</th><th>samples/s</th><th>per GPU</th><th>speedup</th><th>efficiency</th>")
                    .append("<th>time to train</th><th>GPU-hours</th><th>cost (").append(esc(plan.costUnit()))
                    .append(")</th>");
            for (String head : PlanEnergy.headers(plan)) {
                h.append("<th>").append(esc(head)).append("</th>");
            }
            h.append("</tr>\n");
            List<ScalePoint> rows = new ArrayList<>(p.measured());
            rows.addAll(p.projected());
            rows.sort((a, b) -> Integer.compare(a.gpus(), b.gpus()));
            for (ScalePoint s : rows) {
                String cls = s.extrapolated() ? " class=\"far\"" : s.projected() ? " class=\"proj\"" : "";
                h.append("<tr").append(cls).append('>').append(td(Integer.toString(s.gpus())))
                        .append("<td class=\"l\">").append(s.projected() ? "projected" : "measured").append("</td>")
                        .append(td(Numbers.fixed(s.throughput(), 1)))
                        .append(td(Numbers.fixed(s.throughputPerGpu(), 1)))
                        .append(td(Numbers.fixed(s.speedup(), 2)))
                        .append(td(Numbers.fixed(s.efficiency() * 100, 1) + "%"))
                        .append(td(Numbers.duration(s.timeToTrainSeconds())))
                        .append(td(Numbers.fixed(s.gpuHours(), 2)))
                        .append(td(Numbers.fixed(s.cost(), 2)));
                for (String cell : PlanEnergy.cells(plan, s)) {
                    h.append(td(cell));
                }
                h.append("</tr>\n");
            }
            h.append("</table>\n");
            for (String w : p.warnings()) {
                h.append("<p class=\"warn\">").append(esc(w)).append("</p>\n");
            }
        }
        if (!plan.frontier().isEmpty()) {
            h.append("<h2>Time and cost</h2>\n<img alt=\"cost/time frontier\" src=\"")
                    .append(PlanCharts.dataUri(PlanCharts.frontierChart(plan))).append("\">\n")
                    .append("<p>Frontier (no other configuration is both faster and cheaper):</p><ul>\n");
            for (ScalePoint s : plan.frontier()) {
                h.append("<li>").append(esc(s.pool())).append(", ").append(s.gpus()).append(" GPUs: ")
                        .append(Numbers.duration(s.timeToTrainSeconds())).append(", ")
                        .append(Numbers.fixed(s.cost(), 2)).append(' ').append(esc(plan.costUnit()))
                        .append(s.projected() ? " (projected)" : "").append("</li>\n");
            }
            h.append("</ul>\n");
        }
        if (plan.cheapest() != null) {
            ScalePoint c = plan.cheapest();
            h.append("<p><b>Cheapest configuration meeting ").append(Numbers.duration(plan.targetTimeSeconds()))
                    .append(":</b> ").append(esc(c.pool())).append(" with ").append(c.gpus()).append(" GPUs, ")
                    .append(Numbers.duration(c.timeToTrainSeconds())).append(", ")
                    .append(Numbers.fixed(c.cost(), 2)).append(' ').append(esc(plan.costUnit()))
                    .append(c.projected() ? " (projected)" : "").append("</p>\n");
        }
        for (String w : plan.warnings()) {
            h.append("<p class=\"warn\">").append(esc(w)).append("</p>\n");
        }
        h.append("<p><small>Universal Scalability Law X(N) = λN / (1 + σ(N−1) + κN(N−1)), ")
                .append("least-squares fit; band = ")
                .append("fit ± 1.96 standard errors. Red rows are projections far beyond the measured range.")
                .append("</small></p>\n</body></html>\n");
        return h.toString();
    }

    private static String td(String s) {
        return "<td>" + esc(s) + "</td>";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
