package dev.kubebench.catalog.spec;

import dev.kubebench.core.metric.MetricNames;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

    /**
     * Hardware telemetry from Prometheus over each trial's window, for the trial's own pods (docs/telemetry.md).
     *
     * @param url     the Prometheus base URL ({@code http(s)://host:port[/prefix]}); null when {@code service} is given
     * @param service a Prometheus service reached through the API server's service proxy; null when {@code url} is
     * @param profile the built-in metric set
     * @param queries extra metric name → PromQL template; the template may use {@link #VARIABLES}
     * @param step    the query resolution; null chooses one from the window (at most 11,000 points per series)
     * @param auth    bearer token source, or null
     * @param tls     TLS settings, or null
     */
    record Prometheus(String url, Service service, TelemetryProfile profile, Map<String, String> queries,
                      Duration step, Auth auth, Tls tls) implements CollectSpec {
        /** The variables a query template may name, filled per trial: {@code {{ .namespace }}} etc. */
        public static final List<String> VARIABLES = List.of("namespace", "podRegex", "nodeRegex", "window", "step",
                "runId", "trial", "benchmark");

        public Prometheus {
            if ((url == null) == (service == null)) {
                throw new IllegalArgumentException("exactly one of url and service");
            }
            profile = profile == null ? TelemetryProfile.DCGM : profile;
            queries = Collections.unmodifiableMap(new LinkedHashMap<>(queries == null ? Map.of() : queries));
        }

        /** A URL with the default profile and no extra query. */
        public static Prometheus at(String url) {
            return new Prometheus(url, null, TelemetryProfile.DCGM, Map.of(), null, null, null);
        }

        /** Where a report says the numbers came from: the URL or {@code service ns/name:port}. */
        public String source() {
            return url != null ? url : "service " + service;
        }
    }

    /**
     * A Kubernetes service reached through the API server's proxy ({@code namespace/name:port}).
     *
     * @param port the service port number, or its name
     */
    record Service(String namespace, String name, String port) {
        public Service {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(port, "port");
        }

        @Override
        public String toString() {
            return namespace + "/" + name + ":" + port;
        }
    }

    /**
     * How kubebench authenticates to Prometheus: a bearer token read from a file or an environment variable
     * (at most one). Through the service proxy the kubeconfig's credentials are used as well.
     */
    record Auth(String bearerTokenFile, String bearerTokenEnv) {
    }

    /**
     * TLS for an https URL.
     *
     * @param caFile             PEM file with the CA certificates to trust (in addition to none: only these)
     * @param insecureSkipVerify accept any certificate (for self-signed test setups)
     */
    record Tls(String caFile, boolean insecureSkipVerify) {
    }

    /** The built-in metric sets of the {@code prometheus} collector. */
    enum TelemetryProfile {
        /** NVIDIA DCGM exporter series: GPU utilization, memory, power, energy, XID errors. */
        DCGM,
        /** node exporter series: CPU utilization and memory of the trial's nodes. */
        NODE,
        /** only the spec's own queries. */
        NONE;

        /** The metrics the profile can produce (the collector's profile data names exactly these). */
        public List<String> metrics() {
            return switch (this) {
                case DCGM -> List.of(MetricNames.GPU_UTIL_MEAN_PCT, MetricNames.GPU_UTIL_P10_PCT,
                        MetricNames.GPU_SM_ACTIVE_MEAN_RATIO, MetricNames.GPU_TENSOR_ACTIVE_MEAN_RATIO,
                        MetricNames.GPU_MEM_USED_PEAK_MIB, MetricNames.GPU_POWER_MEAN_W, MetricNames.GPU_ENERGY_J,
                        MetricNames.ENERGY_PER_SAMPLE_J, MetricNames.GPU_COUNT_SEEN, MetricNames.GPU_XID_ERRORS);
                case NODE -> List.of(MetricNames.NODE_CPU_UTIL_MEAN_PCT, MetricNames.NODE_MEM_USED_PEAK_MIB);
                case NONE -> List.of();
            };
        }

        /** The spelling in a spec. */
        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
