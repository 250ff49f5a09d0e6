package dev.kubebench.report.chart;

import java.util.List;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * The per-pod Gantt data: one row per pod (y = row index), one series per phase ({@link ChartDatasets#PHASES}), x in
 * seconds since the first event shown.
 *
 * @param dataset    phases as x intervals on row y (y interval = row ± 0.35)
 * @param rows       row labels, index = y value
 * @param totalRows  pods in the run; more than {@code rows.size()} when the chart was capped
 */
public record PodTimeline(XYIntervalSeriesCollection dataset, List<String> rows, int totalRows) {
    public PodTimeline {
        rows = List.copyOf(rows);
    }
}
