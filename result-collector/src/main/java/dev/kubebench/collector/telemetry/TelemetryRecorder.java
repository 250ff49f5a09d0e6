package dev.kubebench.collector.telemetry;

import dev.kubebench.catalog.spec.BenchmarkSpec;
import dev.kubebench.catalog.spec.CollectSpec;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.collector.result.TelemetryStatus;
import dev.kubebench.collector.store.RunDirectory;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.core.metric.MetricNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Collects a finished trial's telemetry and records it: the metrics and the {@code telemetry} object into its
 * result.json (rewritten atomically), the per-GPU series into telemetry.csv. Used after each trial of a run and by
 * {@code kubebench telemetry} on a finished run. {@code energy_per_sample_j} is the GPU energy over the samples the
 * trial processed: {@code throughput_samples_per_s} × the measured time (run_start → run_stop, else the window).
 */
public final class TelemetryRecorder {
    private final Function<CollectSpec.Service, PrometheusTransport> proxy;

    /**
     * @param proxy opens the API server's service proxy to a Prometheus service, or null when there is no cluster
     *              connection (a {@code service:} source is then unavailable)
     */
    public TelemetryRecorder(Function<CollectSpec.Service, PrometheusTransport> proxy) {
        this.proxy = proxy;
    }

    /** The spec's {@code prometheus} collector, if it has one. */
    public static Optional<CollectSpec.Prometheus> telemetrySpec(BenchmarkSpec spec) {
        return spec.collect().stream().filter(c -> c instanceof CollectSpec.Prometheus)
                .map(c -> (CollectSpec.Prometheus) c).findFirst();
    }

    /** The transport a spec asks for: its URL directly, or its service through the proxy. */
    public PrometheusTransport transport(CollectSpec.Prometheus spec) {
        if (spec.service() != null) {
            if (proxy == null) {
                throw new IllegalStateException("service " + spec.service() + " needs a cluster connection");
            }
            return proxy.apply(spec.service());
        }
        String token = BearerTokens.read(spec.auth());
        Path ca = spec.tls() == null || spec.tls().caFile() == null ? null : Path.of(spec.tls().caFile());
        return new HttpTransport(spec.url(), token, ca, spec.tls() != null && spec.tls().insecureSkipVerify());
    }

    /**
     * Collects and records one trial's telemetry and returns the result as written. Never fails for Prometheus'
     * sake: an unreachable or failing Prometheus is recorded as {@code unavailable} with the reason, and the metrics
     * of an earlier collection are then kept.
     *
     * @throws IOException when the trial directory cannot be read or written
     */
    public RunResult record(RunDirectory run, RunResult result, CollectSpec.Prometheus spec)
            throws IOException, InterruptedException {
        return record(run, result, spec, true);
    }

    /**
     * As {@link #record(RunDirectory, RunResult, CollectSpec.Prometheus)}; with {@code recordUnavailable} false an
     * unavailable telemetry leaves result.json as it was (a recollection that failed keeps the earlier one) and the
     * returned result carries the unavailable status only.
     */
    public RunResult record(RunDirectory run, RunResult result, CollectSpec.Prometheus spec,
                            boolean recordUnavailable) throws IOException, InterruptedException {
        TrialScope scope = TrialScope.read(run, result.trial(), result.startedAt(), result.finishedAt());
        TrialTelemetry t = collect(scope, spec);
        RunResult updated;
        if (t.telemetry().status() == TelemetryStatus.UNAVAILABLE) {
            updated = result.withTelemetry(t.telemetry(), Map.of(), List.of());
            if (!recordUnavailable) {
                return updated;
            }
        } else {
            Map<String, Double> metrics = new LinkedHashMap<>(t.metrics());
            energyPerSample(metrics, result, scope).ifPresent(v -> metrics.put(MetricNames.ENERGY_PER_SAMPLE_J, v));
            updated = result.withTelemetry(t.telemetry(), metrics, produced(spec));
            Path csv = run.trialDir(result.trial()).resolve(TelemetryCsv.FILE);
            if (!t.samples().isEmpty()) {
                TelemetryCsv.write(csv, t.samples());
            } else {
                Files.deleteIfExists(csv);
            }
        }
        run.writeResult(updated);
        return updated;
    }

    private TrialTelemetry collect(TrialScope scope, CollectSpec.Prometheus spec) throws InterruptedException {
        PrometheusClient client;
        try {
            client = new PrometheusClient(transport(spec));
        } catch (KubebenchException | IllegalStateException e) {
            return new TrialTelemetry(Map.of(), new RunResult.Telemetry(TelemetryStatus.UNAVAILABLE, spec.source(),
                    e.getMessage(), List.of()), List.of(), 0);
        }
        return new TelemetryCollector(client).collect(spec, scope);
    }

    /**
     * Energy ÷ samples processed, when the trial has both: samples = throughput × the measured time (run_start →
     * run_stop when the workload logged both, else the telemetry window).
     */
    static Optional<Double> energyPerSample(Map<String, Double> metrics, RunResult result, TrialScope scope) {
        Double energy = metrics.get(MetricNames.GPU_ENERGY_J);
        double throughput = result.metric(MetricNames.THROUGHPUT_SAMPLES_PER_S);
        Duration time = scope.measured() != null ? scope.measured() : scope.window();
        if (energy == null || !(throughput > 0) || time.isZero()) {
            return Optional.empty();
        }
        return Optional.of(energy / (throughput * time.toMillis() / 1000.0));
    }

    /** Every metric this collector can produce, so that a recollection removes what it no longer finds. */
    public static List<String> produced(CollectSpec.Prometheus spec) {
        List<String> names = new ArrayList<>(spec.profile().metrics());
        names.addAll(spec.queries().keySet());
        return names;
    }
}
