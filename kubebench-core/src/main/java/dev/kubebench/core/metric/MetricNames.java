package dev.kubebench.core.metric;


import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Metric names: lower snake_case with the unit last ({@code step_time_p99_ms}, {@code throughput_samples_per_s}).
 * The standard names (result.json, docs/results.md) are defined here once; which way each improves comes from
 * {@link MetricDirections}. The CSV reports carry {@link #STANDARD} as fixed columns in this order, so adding a name
 * there changes the CSV schema (reporters' {@code CsvSchema.VERSION}).
 */
public final class MetricNames {
    public static final String TIME_TO_TRAIN_S = "time_to_train_s";
    public static final String THROUGHPUT_SAMPLES_PER_S = "throughput_samples_per_s";
    public static final String STEP_TIME_MEAN_MS = "step_time_mean_ms";
    public static final String STEP_TIME_P50_MS = "step_time_p50_ms";
    public static final String STEP_TIME_P90_MS = "step_time_p90_ms";
    public static final String STEP_TIME_P99_MS = "step_time_p99_ms";
    public static final String STEP_TIME_P999_MS = "step_time_p999_ms";
    public static final String STEP_TIME_MAX_MS = "step_time_max_ms";
    /** Step-time samples ignored as impossible (negative, not finite, over 30 days); only when there were any. */
    public static final String STEP_TIME_REJECTED_SAMPLES = "step_time_rejected_samples";
    public static final String INIT_TIME_S = "init_time_s";
    public static final String QUEUE_TIME_S = "queue_time_s";
    public static final String WALL_TIME_S = "wall_time_s";

    // Hardware telemetry (docs/telemetry.md): the dcgm and node profiles read from Prometheus, the local backend's
    // process sampling. Units are in the names; a trial without telemetry simply has none of these.
    public static final String GPU_UTIL_MEAN_PCT = "gpu_util_mean_pct";
    public static final String GPU_UTIL_P10_PCT = "gpu_util_p10_pct";
    public static final String GPU_SM_ACTIVE_MEAN_RATIO = "gpu_sm_active_mean_ratio";
    public static final String GPU_TENSOR_ACTIVE_MEAN_RATIO = "gpu_tensor_active_mean_ratio";
    public static final String GPU_MEM_USED_PEAK_MIB = "gpu_mem_used_peak_mib";
    public static final String GPU_POWER_MEAN_W = "gpu_power_mean_w";
    public static final String GPU_ENERGY_J = "gpu_energy_j";
    public static final String ENERGY_PER_SAMPLE_J = "energy_per_sample_j";
    public static final String GPU_COUNT_SEEN = "gpu_count_seen";
    public static final String GPU_XID_ERRORS = "gpu_xid_errors";
    public static final String NODE_CPU_UTIL_MEAN_PCT = "node_cpu_util_mean_pct";
    public static final String NODE_MEM_USED_PEAK_MIB = "node_mem_used_peak_mib";
    public static final String CPU_UTIL_MEAN_PCT = "cpu_util_mean_pct";
    public static final String RSS_PEAK_MIB = "rss_peak_mib";

    /** Telemetry metrics, in the order reports show them. */
    public static final List<String> TELEMETRY = List.of(
            GPU_UTIL_MEAN_PCT,
            GPU_UTIL_P10_PCT,
            GPU_SM_ACTIVE_MEAN_RATIO,
            GPU_TENSOR_ACTIVE_MEAN_RATIO,
            GPU_MEM_USED_PEAK_MIB,
            GPU_POWER_MEAN_W,
            GPU_ENERGY_J,
            ENERGY_PER_SAMPLE_J,
            GPU_COUNT_SEEN,
            GPU_XID_ERRORS,
            NODE_CPU_UTIL_MEAN_PCT,
            NODE_MEM_USED_PEAK_MIB,
            CPU_UTIL_MEAN_PCT,
            RSS_PEAK_MIB);

    /** Standard metrics, in the fixed order of the CSV columns. */
    public static final List<String> STANDARD = List.of(
            TIME_TO_TRAIN_S,
            THROUGHPUT_SAMPLES_PER_S,
            STEP_TIME_MEAN_MS,
            STEP_TIME_P50_MS,
            STEP_TIME_P90_MS,
            STEP_TIME_P99_MS,
            STEP_TIME_P999_MS,
            STEP_TIME_MAX_MS,
            INIT_TIME_S,
            QUEUE_TIME_S,
            WALL_TIME_S,
            "scheduling_latency_p50_ms",
            "scheduling_latency_p90_ms",
            "scheduling_latency_p99_ms",
            "scheduling_latency_max_ms",
            "startup_latency_p50_ms",
            "startup_latency_p90_ms",
            "startup_latency_p99_ms",
            "startup_latency_max_ms");

    /** Step-time percentiles in distribution order, with their display labels ({@link #STEP_TIME_LABELS}). */
    public static final List<String> STEP_TIME_PERCENTILES = List.of(
            STEP_TIME_P50_MS, STEP_TIME_P90_MS, STEP_TIME_P99_MS, STEP_TIME_P999_MS, STEP_TIME_MAX_MS);
    public static final List<String> STEP_TIME_LABELS = List.of("p50", "p90", "p99", "p99.9", "max");

    private static final Pattern UNIT_SUFFIX = Pattern.compile(
            "(.+?)_(samples_per_s|tokens_per_s|images_per_s|per_s|ms|us|ns|s|percent|pct|bytes|mib|mb|gb|w|j|ratio)$");

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

    /** The unit a name ends in ({@code ms}, {@code samples_per_s}), or empty when it names none. */
    public static Optional<String> unit(String name) {
        Matcher m = UNIT_SUFFIX.matcher(name);
        return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
    }

    /** A free-form label (a JMH benchmark name, a unit such as {@code ops/s}) as a metric-name fragment. */
    public static String sanitize(String s) {
        String t = s.replace("/", "_per_").replace("%", "percent");
        t = t.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        t = t.replaceAll("[^a-z0-9]+", "_");
        return t.replaceAll("^_+|_+$", "");
    }
}
