package dev.kubebench.report.text;

import dev.kubebench.report.PlanEnergy;

import dev.kubebench.report.analysis.plan.CapacityPlan;
import dev.kubebench.report.analysis.plan.PoolPlan;
import dev.kubebench.report.analysis.plan.ScalePoint;
import dev.kubebench.report.analysis.plan.UslFit;
import dev.kubebench.core.text.Numbers;
import dev.kubebench.core.text.Printable;
import dev.kubebench.core.text.TextTable;
import dev.kubebench.core.text.TextTable.Align;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The human-readable plan. */
public final class PlanText {
    private PlanText() {
    }

    public static String render(CapacityPlan plan) {
        StringBuilder out = new StringBuilder();
        for (PoolPlan p : plan.pools()) {
            out.append("pool ").append(Printable.escape(p.pool()));
            if (p.gpuType() != null) {
                out.append(" (").append(Printable.escape(p.gpuType())).append(')');
            }
            out.append('\n');
            UslFit f = p.fit();
            if (f != null) {
                out.append(String.format(Locale.ROOT,
                        "  USL fit: lambda %s ± %s, sigma %s ± %s, kappa %s ± %s, R² %s, peak at %s GPUs%n",
                        Numbers.significant(f.model().lambda(), 6), Numbers.general(f.lambdaError(), 4),
                        Numbers.general(f.model().sigma(), 4), Numbers.general(f.sigmaError(), 4),
                        Numbers.general(f.model().kappa(), 4), Numbers.general(f.kappaError(), 4),
                        Numbers.fixed(f.r2(), 4), Numbers.fixed(f.model().peakGpus(), 1)));
            }
            // numbers right-aligned, the kind column left-aligned; energy columns only when measured
            List<String> header = new ArrayList<>(List.of("gpus", "", "samples/s", "per gpu", "speedup",
                    "efficiency", "time to train", "gpu-hours", "cost (" + plan.costUnit() + ")"));
            header.addAll(PlanEnergy.headers(plan));
            Align[] aligns = new Align[header.size()];
            java.util.Arrays.fill(aligns, Align.RIGHT);
            aligns[1] = Align.LEFT;
            TextTable table = TextTable.of(aligns).indent(2).header(header.toArray(new String[0]));
            List<ScalePoint> rows = new ArrayList<>(p.measured());
            rows.addAll(p.projected());
            rows.sort((a, b) -> Integer.compare(a.gpus(), b.gpus()));
            for (ScalePoint s : rows) {
                List<String> row = new ArrayList<>(List.of(Integer.toString(s.gpus()),
                        s.projected() ? (s.extrapolated() ? "projected!" : "projected") : "measured",
                        Numbers.fixed(s.throughput(), 1), Numbers.fixed(s.throughputPerGpu(), 1),
                        Numbers.fixed(s.speedup(), 2), Numbers.fixed(s.efficiency() * 100, 1) + "%",
                        Numbers.duration(s.timeToTrainSeconds()), Numbers.fixed(s.gpuHours(), 2),
                        Numbers.fixed(s.cost(), 2)));
                row.addAll(PlanEnergy.cells(plan, s));
                table.row(row.toArray(new String[0]));
            }
            out.append(table.render());
            for (String w : p.warnings()) {
                out.append("  warning: ").append(Printable.escape(w)).append('\n');
            }
            out.append('\n');
        }
        if (!plan.frontier().isEmpty()) {
            out.append("Time/cost frontier (no other configuration is both faster and cheaper):\n");
            for (ScalePoint s : plan.frontier()) {
                out.append(String.format(Locale.ROOT, "  %-16s %5d gpus  %12s  %10s %s%s%n",
                        Printable.escape(s.pool()), s.gpus(),
                        Numbers.duration(s.timeToTrainSeconds()), Numbers.fixed(s.cost(), 2),
                        plan.costUnit(), s.projected() ? "  (projected)" : ""));
            }
            out.append('\n');
        }
        if (Double.isFinite(plan.targetTimeSeconds())) {
            ScalePoint c = plan.cheapest();
            if (c != null) {
                out.append(String.format(Locale.ROOT,
                        "Cheapest configuration meeting %s: pool %s with %d GPUs, %s, %s %s%s%n",
                        Numbers.duration(plan.targetTimeSeconds()), Printable.escape(c.pool()), c.gpus(),
                        Numbers.duration(c.timeToTrainSeconds()), Numbers.fixed(c.cost(), 2),
                        plan.costUnit(), c.projected() ? " (projected)" : ""));
            }
        }
        for (String w : plan.warnings()) {
            out.append("warning: ").append(Printable.escape(w)).append('\n');
        }
        boolean anyFar = plan.pools().stream().flatMap(p -> p.projected().stream()).anyMatch(ScalePoint::extrapolated);
        if (anyFar) {
            out.append("'projected!' marks projections far beyond the measured range (not used for the frontier).\n");
        }
        return out.toString();
    }
}
