package dev.kubebench.collector.custom;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Metric-name helpers: names are lower snake_case with the unit last ({@code step_time_p99_ms}). */
public final class MetricNames {
    private static final Pattern UNIT_SUFFIX = Pattern.compile(
            "(.+?)_(samples_per_s|tokens_per_s|images_per_s|per_s|ms|us|ns|s|percent|bytes|mb|gb)$");

    private MetricNames() {
    }

    /** {@code step_time_ms} + {@code p99} → {@code step_time_p99_ms}; {@code loss} + {@code p99} → {@code loss_p99}. */
    public static String withStatistic(String name, String statistic) {
        Matcher m = UNIT_SUFFIX.matcher(name);
        if (m.matches()) {
            // the shortest base keeps compound units whole: throughput_samples_per_s → throughput_p50_samples_per_s
            return m.group(1) + "_" + statistic + "_" + m.group(2);
        }
        return name + "_" + statistic;
    }

    /** A free-form label (a JMH benchmark name, a unit such as {@code ops/s}) as a metric-name fragment. */
    public static String sanitize(String s) {
        String t = s.replace("/", "_per_").replace("%", "percent");
        t = t.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        t = t.replaceAll("[^a-z0-9]+", "_");
        return t.replaceAll("^_+|_+$", "");
    }
}
