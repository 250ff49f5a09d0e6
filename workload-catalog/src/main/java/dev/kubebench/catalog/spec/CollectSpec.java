package dev.kubebench.catalog.spec;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** How results are extracted from a trial's logs. A closed set; the collector maps each to a parser. */
public sealed interface CollectSpec {

    /** MLPerf MLLOG lines ({@code :::MLLOG {...}}); the default. */
    record Mllog() implements CollectSpec {
    }

    /**
     * JMH JSON results ({@code -rf json}).
     *
     * @param file path of the JSON file relative to the replica's working directory, or a log file
     */
    record Jmh(String file) implements CollectSpec {
    }

    /**
     * Named metrics extracted from plain log lines, either by regular expression with named groups or from JSON
     * lines by field path.
     */
    record Extract(List<MetricRule> metrics) implements CollectSpec {
        public Extract {
            metrics = List.copyOf(metrics);
        }
    }

    /**
     * One extracted metric.
     *
     * @param name      metric name with its unit in it, e.g. {@code throughput_samples_per_s}
     * @param regex     a Java regex with a named group {@code value} (and optionally {@code step}); null when
     *                  {@code jsonPath} is used
     * @param jsonPath  dot-separated field path in JSON log lines, e.g. {@code metrics.ips}; null when regex is used
     * @param unit      unit for display
     * @param aggregate how repeated values are summarised: {@code last}, {@code mean}, {@code max}, {@code min},
     *                  {@code sum}, or {@code percentiles} (step-time style)
     */
    record MetricRule(String name, String regex, String jsonPath, String unit, String aggregate) {
        public MetricRule {
            Objects.requireNonNull(name, "name");
        }
    }

    /** PromQL queries evaluated over the trial's time range. */
    record Prometheus(String url, Map<String, String> queries) implements CollectSpec {
        public Prometheus {
            queries = Map.copyOf(queries);
        }
    }
}
