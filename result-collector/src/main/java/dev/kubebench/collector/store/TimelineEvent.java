package dev.kubebench.collector.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a trial's {@code events.jsonl} (written by the runner's {@code Timeline}).
 *
 * @param time    when it happened (UTC)
 * @param event   event name: submitted, queued, admitted, pod_scheduled, pod_started, pod_ready, first_log_line,
 *                run_start, run_stop, finished, deleted (docs/results.md)
 * @param pod     the pod it concerns, or null
 * @param replica the replica type/index it concerns, or null
 * @param detail  free text (reason, message), or null
 */
public record TimelineEvent(Instant time, String event, String pod, String replica, String detail) {
    public TimelineEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(event, "event");
    }
}
