package dev.kubebench.runner.render;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Label keys kubebench puts on everything it creates, so {@code kubebench cleanup} and Ctrl-C can find it by selector,
 * plus the Kueue queue label and the field manager name.
 */
public final class RunLabels {
    /** The run id, e.g. {@code 20261128-201200-a1b2c3}. */
    public static final String RUN_ID = "kubebench.dev/run-id";
    /** The trial index within the run, as a decimal string. */
    public static final String TRIAL = "kubebench.dev/trial";
    /** The benchmark's {@code metadata.name}. */
    public static final String BENCHMARK = "kubebench.dev/benchmark";
    /** Kueue's LocalQueue selector; set on the job object only (Kueue reads it there, not from pods). */
    public static final String KUEUE_QUEUE = "kueue.x-k8s.io/queue-name";
    /** The manager name kubebench uses for TrainJob {@code runtimePatches} (and server-side apply). */
    public static final String MANAGER = "kubebench.dev";

    private RunLabels() {
    }

    /** The three run labels in a fixed order: run id, trial, benchmark. */
    public static Map<String, String> of(String runId, int trialIndex, String benchmark) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(RUN_ID, runId);
        labels.put(TRIAL, Integer.toString(trialIndex));
        labels.put(BENCHMARK, benchmark);
        return labels;
    }

    /** A label selector for every object of a run: {@code kubebench.dev/run-id=<runId>}. */
    public static String runSelector(String runId) {
        return RUN_ID + "=" + runId;
    }
}
