package dev.kubebench.report.html;

import dev.kubebench.report.RunReport;
import dev.kubebench.report.analysis.aggregate.SweepPoint;
import dev.kubebench.report.chart.ChartDatasets;
import dev.kubebench.report.chart.ChartRenderer;
import dev.kubebench.report.chart.GpuUtilChart;
import dev.kubebench.report.chart.PodTimeline;
import dev.kubebench.report.chart.Scaling;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeriesCollection;

/** Which charts a report gets: every chart whose dataset is not empty, rendered to PNG. */
final class ReportCharts {
    private ReportCharts() {
    }

    static List<ChartImage> render(RunReport report, List<SweepPoint> points) {
        List<ChartImage> charts = new ArrayList<>();
        int w = ChartRenderer.WIDTH;
        int h = ChartRenderer.HEIGHT;

        DefaultCategoryDataset throughput = ChartDatasets.throughputByPoint(points);
        if (throughput.getColumnCount() > 0) {
            charts.add(new ChartImage("chart-throughput", "Throughput per sweep point",
                    "Minimum, median and maximum throughput (samples/s) over the succeeded repetitions of each point "
                            + "(circles, joined by a line from min to max)"
                            + capNote(points.size(), ChartDatasets.MAX_POINTS, "points"),
                    ChartRenderer.png(ChartRenderer.throughput(throughput), w, h), w, h));
        }

        Optional<Scaling> scaling = ChartDatasets.scaling(points);
        scaling.ifPresent(s -> charts.add(new ChartImage("chart-scaling", "Scaling",
                "Median " + s.metric() + " against " + s.scaleKey() + ", with ideal linear scaling from the smallest "
                        + s.scaleKey() + " (dashed)",
                ChartRenderer.png(ChartRenderer.scaling(s), w, h), w, h)));

        XYSeriesCollection curves = ChartDatasets.accuracyCurves(report);
        if (curves.getSeriesCount() > 0) {
            long withCurves = report.trials().stream().filter(t -> !t.result().accuracyCurve().isEmpty()).count();
            String metric = report.trials().stream()
                    .filter(t -> !t.result().accuracyCurve().isEmpty())
                    .map(t -> t.result().accuracyCurve().get(0).metric())
                    .filter(m -> m != null).findFirst().orElse("quality");
            charts.add(new ChartImage("chart-accuracy", "Time to accuracy",
                    "Evaluation " + metric + " against minutes since run_start, one line per repetition"
                            + capNote(withCurves, ChartDatasets.MAX_CURVES, "curves"),
                    ChartRenderer.png(ChartRenderer.accuracy(curves, metric), w, h), w, h));
        }

        DefaultCategoryDataset steps = ChartDatasets.stepTimePercentiles(points);
        if (steps.getRowCount() > 0) {
            charts.add(new ChartImage("chart-step-time", "Step-time distribution",
                    "Step-time percentiles (ms), median over the succeeded repetitions of each point"
                            + capNote(points.size(), ChartDatasets.MAX_SERIES, "points"),
                    ChartRenderer.png(ChartRenderer.stepTime(steps), w, h), w, h));
        }

        PodTimeline timeline = ChartDatasets.podTimeline(report);
        if (!timeline.rows().isEmpty()) {
            int th = ChartRenderer.timelineHeight(timeline.rows().size());
            charts.add(new ChartImage("chart-timeline", "Pod timeline",
                    "Per pod: queued (submitted until scheduled), starting (scheduled until the container started), "
                            + "running (until the trial finished)"
                            + capNote(timeline.totalRows(), ChartDatasets.MAX_PODS, "pods"),
                    ChartRenderer.png(ChartRenderer.timeline(timeline), w, th), w, th));
        }
        gpuUtilization(report, charts, w, h);
        return charts;
    }

    /** A GPU utilization chart per trial with telemetry, for at most {@link ChartDatasets#MAX_SERIES} trials. */
    private static void gpuUtilization(RunReport report, List<ChartImage> charts, int w, int h) {
        List<GpuUtilChart> all = report.trials().stream().map(GpuUtilChart::of).flatMap(Optional::stream).toList();
        for (GpuUtilChart g : all.subList(0, Math.min(all.size(), ChartDatasets.MAX_SERIES))) {
            String what = g.band()
                    ? "the median GPU (line) and the least to the most busy of its " + g.gpus() + " GPUs (band)"
                    : g.gpus() == 1 ? "its GPU" : "one line per GPU";
            charts.add(new ChartImage("chart-gpu-util-" + g.trial(), "GPU utilization, trial " + g.trial(),
                    "GPU utilization (%) of trial " + g.trial() + " over time (telemetry.csv): " + what
                            + capNote(all.size(), ChartDatasets.MAX_SERIES, "trials with GPU telemetry"),
                    ChartRenderer.png(ChartRenderer.gpuUtilization(g), w, h), w, h));
        }
    }

    private static String capNote(long total, int cap, String what) {
        return total > cap ? "; showing the first " + cap + " of " + total + " " + what : "";
    }
}
