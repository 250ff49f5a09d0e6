package dev.kubebench.core.timeline;

import java.util.Optional;

/**
 * The kinds of event in a trial's timeline ({@code events.jsonl}, docs/results.md "Timeline events"), each with the
 * one spelling it has in that file. Both backends write them; the collector and the reports read them.
 */
public enum EventKind {
    /** The job was submitted to the API server, or the local replicas are about to start. */
    SUBMITTED("submitted"),
    /** Kueue holds the job ({@code Suspended=True}). */
    QUEUED("queued"),
    /** Kueue admitted the job. */
    ADMITTED("admitted"),
    /** A pod was bound to a node ({@code PodScheduled=True}). */
    POD_SCHEDULED("pod_scheduled"),
    /** A replica's container (or local process) started. */
    POD_STARTED("pod_started"),
    /** A pod became ready. */
    POD_READY("pod_ready"),
    /** A replica's container (or local process) exited; the detail holds its exit code. */
    POD_EXITED("pod_exited"),
    /**
     * A replica's container restarted, or its pod was re-created under the same name (a new uid); the detail says
     * which and how long the previous attempt ran.
     */
    POD_RESTARTED("pod_restarted"),
    /**
     * A pod was pushed off its node by the cluster (eviction, preemption, or deletion by PodGC after its node was
     * lost); the detail holds the reason and the node.
     */
    DISRUPTION("disruption"),
    /** A replica's log could not be read completely before its pod was deleted; the detail says what is missing. */
    LOG_INCOMPLETE("log_incomplete"),
    /** The first line of a replica's log arrived. */
    FIRST_LOG_LINE("first_log_line"),
    /** The workload's MLLOG {@code run_start}. */
    RUN_START("run_start"),
    /** The workload's MLLOG {@code run_stop}. */
    RUN_STOP("run_stop"),
    /** The job ended; the detail is the {@link dev.kubebench.core.trial.TrialState} in lower case. */
    FINISHED("finished"),
    /** What the trial created was deleted. */
    DELETED("deleted");

    private final String jsonName;

    EventKind(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The spelling in events.jsonl. */
    public String jsonName() {
        return jsonName;
    }

    /** The kind spelled {@code name} in events.jsonl, or empty for a name this version does not know. */
    public static Optional<EventKind> fromJson(String name) {
        for (EventKind k : values()) {
            if (k.jsonName.equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
