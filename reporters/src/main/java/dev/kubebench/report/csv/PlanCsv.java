package dev.kubebench.report.csv;

import dev.kubebench.report.analysis.plan.CapacityPlan;
import dev.kubebench.report.analysis.plan.PoolPlan;
import dev.kubebench.report.analysis.plan.ScalePoint;
import dev.kubebench.report.analysis.plan.UslFit;
import dev.kubebench.core.text.Numbers;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * One CSV row per pool and scale, measured and projected, with the pool's fit repeated on each row; the energy columns
 * last (empty without energy measurements or an electricity price).
 */
public final class PlanCsv {
    static final String[] HEADER = {"pool", "gpus", "kind", "throughput_samples_per_s", "throughput_low",
        "throughput_high", "throughput_per_gpu", "speedup", "efficiency", "time_to_train_s", "gpu_hours", "cost",
        "extrapolated", "on_frontier", "sigma", "kappa", "lambda", "r2", "peak_gpus", "energy_per_sample_j",
        "energy_kwh", "energy_cost"};

    private PlanCsv() {
    }

    public static String render(CapacityPlan plan) {
        StringWriter out = new StringWriter();
        SafeCsv printer = new SafeCsv(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
        try {
            printer.printRecord((Object[]) HEADER);
            for (PoolPlan p : plan.pools()) {
                List<ScalePoint> rows = new ArrayList<>(p.measured());
                rows.addAll(p.projected());
                rows.sort((a, b) -> Integer.compare(a.gpus(), b.gpus()));
                for (ScalePoint s : rows) {
                    UslFit f = p.fit();
                    printer.printRecord(s.pool(), s.gpus(), s.projected() ? "projected" : "measured",
                            Numbers.exact(s.throughput()), Numbers.exact(s.throughputLow()),
                            Numbers.exact(s.throughputHigh()), Numbers.exact(s.throughputPerGpu()),
                            Numbers.exact(s.speedup()), Numbers.exact(s.efficiency()),
                            Numbers.exact(s.timeToTrainSeconds()), Numbers.exact(s.gpuHours()),
                            Numbers.exact(s.cost()), s.extrapolated(), plan.frontier().contains(s),
                            f == null ? "" : Numbers.exact(f.model().sigma()),
                            f == null ? "" : Numbers.exact(f.model().kappa()),
                            f == null ? "" : Numbers.exact(f.model().lambda()),
                            f == null ? "" : Numbers.exact(f.r2()),
                            f == null ? "" : Numbers.exact(f.model().peakGpus()),
                            Numbers.exact(s.energyPerSampleJoules()), Numbers.exact(s.energyKwh()),
                            Numbers.exact(s.energyCost()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
