package dev.kubebench.report.chart;

import org.jfree.data.xy.XYSeriesCollection;

/**
 * The scaling chart's data: the median of a metric against the swept scale (GPUs, replicas, workers...), with the
 * ideal linear scaling from the smallest scale as the last series.
 *
 * @param dataset  measured series (one per combination of the other sweep parameters), then {@code ideal (linear)}
 * @param scaleKey the parameter or label the x axis is, e.g. {@code gpus}
 * @param metric   the metric on the y axis
 */
public record Scaling(XYSeriesCollection dataset, String scaleKey, String metric) {
}
