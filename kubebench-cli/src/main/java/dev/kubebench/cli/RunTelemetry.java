package dev.kubebench.cli;

import dev.kubebench.core.text.Printable;
import dev.kubebench.catalog.spec.CollectSpec;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.collector.result.TelemetryStatus;
import dev.kubebench.collector.store.RunDirectory;
import dev.kubebench.collector.telemetry.TelemetryRecorder;
import dev.kubebench.core.trial.TrialState;
import dev.kubebench.runner.kubernetes.ServiceProxy;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Telemetry after each trial of {@code kubebench run}, when the spec has a {@code prometheus} collector. It never
 * changes how the run ends: an unavailable Prometheus is recorded in result.json and printed as one warning line per
 * run; a partial collection as one line per trial.
 */
final class RunTelemetry {
    private final TelemetryRecorder recorder;
    private final PrintWriter err;
    private boolean warned;

    /** @param proxy the cluster's service proxy, or null on the local backend */
    RunTelemetry(ServiceProxy proxy, PrintWriter err) {
        this.recorder = new TelemetryRecorder(proxy == null ? null : service -> new ProxyTransport(proxy, service));
        this.err = err;
    }

    /**
     * The result with the trial's telemetry, as written into result.json; the result itself without a collector, and
     * for an interrupted trial (Ctrl-C should not wait on Prometheus; {@code kubebench telemetry} collects it later).
     */
    RunResult add(RunDirectory run, RunResult result, CollectSpec.Prometheus spec) throws IOException {
        if (spec == null || result.status() == TrialState.INTERRUPTED) {
            return result;
        }
        RunResult recorded;
        try {
            recorded = recorder.record(run, result, spec);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return result;
        }
        RunResult.Telemetry t = recorded.telemetry();
        if (t.status() == TelemetryStatus.UNAVAILABLE && !warned) {
            warned = true;
            err.println("warning: telemetry unavailable (trial " + result.trial() + "): " + Printable.escape(t.reason())
                    + "; the run goes on, collect it later with `kubebench telemetry " + run.path() + "`");
            err.flush();
        } else if (t.status() == TelemetryStatus.PARTIAL) {
            err.println("warning: telemetry partial (trial " + result.trial() + "): "
                    + Printable.escape(t.warnings().get(0)));
            err.flush();
        }
        return recorded;
    }
}
