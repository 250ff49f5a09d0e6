package dev.kubebench.collector.telemetry;

import dev.kubebench.catalog.spec.CollectSpec;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.collector.result.TelemetryStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects one trial's telemetry: one range query per profile entry and per extra query of the spec, over the trial's
 * window and for its pods only, each reduced to its metrics. So the number of requests is bounded by the number of
 * metrics, never by the trial's length. A query Prometheus rejects becomes a warning (the others are still asked); an
 * unreachable or failing Prometheus makes the telemetry unavailable with the reason. Never throws for either.
 */
public final class TelemetryCollector {
    /** Prometheus refuses range queries of more points per series than this. */
    public static final int MAX_POINTS = 11_000;
    /** Without a {@code step}, about this many points per series (but never finer than a second). */
    static final int DEFAULT_POINTS = 1_000;

    private final PrometheusClient client;

    public TelemetryCollector(PrometheusClient client) {
        this.client = client;
    }

    /**
     * The step of the range queries: the spec's, or the window over {@value #DEFAULT_POINTS} (at least 1 s), made
     * coarser where it would give more than {@value #MAX_POINTS} points per series.
     */
    public static Duration step(Duration window, Duration requested) {
        Duration step = requested != null ? requested
                : Duration.ofMillis(Math.max(1000, ceilDiv(window.toMillis(), DEFAULT_POINTS)));
        long minimum = ceilDiv(window.toMillis(), MAX_POINTS - 1);
        return step.toMillis() < minimum ? Duration.ofMillis(minimum) : step;
    }

    /** Collects the trial's telemetry; interrupted only by an interrupt. */
    public TrialTelemetry collect(CollectSpec.Prometheus spec, TrialScope scope) throws InterruptedException {
        int before = client.requests();
        if (scope.pods().isEmpty()) {
            return unavailable("no pods recorded in the timeline of trial " + scope.trial(), before);
        }
        if (scope.start() == null || scope.end() == null || !scope.end().isAfter(scope.start())) {
            return unavailable("trial " + scope.trial() + " has no time window (no pod started)", before);
        }
        Duration step = step(scope.window(), spec.step());
        Map<String, String> variables = QueryTemplate.variables(scope, step);
        List<ProfileQuery> queries = new ArrayList<>(TelemetryProfiles.queries(spec.profile()));
        spec.queries().forEach((name, template) -> queries.add(
                new ProfileQuery(name, template, Map.of(name, Reduction.MEAN), 1.0, null)));

        Map<String, Double> metrics = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        Map<GpuKey, TreeMap<Long, double[]>> rows = new LinkedHashMap<>();
        int rejected = 0;
        boolean gpuSeries = false;
        for (ProfileQuery q : queries) {
            if (QueryTemplate.uses(q.query(), "nodeRegex") && scope.nodes().isEmpty()) {
                warnings.add("no node names recorded for trial " + scope.trial() + "; skipped " + q.label());
                continue;
            }
            String promql = QueryTemplate.fill(q.query(), variables);
            List<Series> series;
            try {
                series = client.queryRange(promql, scope.start(), scope.end(), step);
            } catch (PrometheusException e) {
                if (!e.rejected()) {
                    return unavailable(e.getMessage(), before);
                }
                rejected++;
                warnings.add("query " + q.label() + " rejected by Prometheus: " + e.getMessage() + " (query: "
                        + promql + ")");
                continue;
            }
            gpuSeries |= q.column() != null && !series.isEmpty();
            q.reduce().forEach((name, reduction) -> {
                double v = reduction.apply(series) / q.divisor();
                if (Double.isFinite(v)) {
                    metrics.put(name, v);
                }
            });
            if (q.column() != null) {
                addRows(rows, series, column(q.column()));
            }
        }
        if (spec.profile() == CollectSpec.TelemetryProfile.DCGM && !gpuSeries && rejected == 0) {
            warnings.add("no DCGM series for pods " + String.join(", ", scope.pods()) + " in namespace "
                    + scope.namespace() + " (labels pod/namespace or exported_pod/exported_namespace)");
        }
        int requests = client.requests() - before;
        if (metrics.isEmpty()) {
            String reason = warnings.isEmpty() ? "no series for the trial's pods" : warnings.get(0);
            return new TrialTelemetry(Map.of(), new RunResult.Telemetry(TelemetryStatus.UNAVAILABLE, client.source(),
                    reason, warnings), List.of(), requests);
        }
        TelemetryStatus status = rejected > 0 ? TelemetryStatus.PARTIAL : TelemetryStatus.AVAILABLE;
        String reason = rejected > 0 ? rejected + " of " + queries.size() + " queries rejected" : null;
        return new TrialTelemetry(metrics, new RunResult.Telemetry(status, client.source(), reason, warnings),
                samples(rows), requests);
    }

    private TrialTelemetry unavailable(String reason, int before) {
        return new TrialTelemetry(Map.of(), new RunResult.Telemetry(TelemetryStatus.UNAVAILABLE, client.source(),
                reason, List.of()), List.of(), client.requests() - before);
    }

    private static int column(String name) {
        return switch (name) {
            case "gpu_util_pct" -> 0;
            case "gpu_mem_used_mib" -> 1;
            case "gpu_power_w" -> 2;
            default -> throw new IllegalStateException("profiles.json: unknown telemetry.csv column " + name);
        };
    }

    private static void addRows(Map<GpuKey, TreeMap<Long, double[]>> rows, List<Series> series, int column) {
        for (Series s : series) {
            TreeMap<Long, double[]> byTime = rows.computeIfAbsent(GpuKey.of(s), k -> new TreeMap<>());
            for (Series.Point p : s.points()) {
                byTime.computeIfAbsent(p.timestampMs(), t -> new double[] {Double.NaN, Double.NaN, Double.NaN})
                        [column] = p.value();
            }
        }
    }

    private static List<GpuSample> samples(Map<GpuKey, TreeMap<Long, double[]>> rows) {
        List<GpuSample> out = new ArrayList<>();
        rows.forEach((gpu, byTime) -> byTime.forEach((t, v) -> out.add(new GpuSample(t, gpu, v[0], v[1], v[2]))));
        out.sort(Comparator.comparingLong(GpuSample::timestampMs).thenComparing(s -> s.gpu().id()));
        return out;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
