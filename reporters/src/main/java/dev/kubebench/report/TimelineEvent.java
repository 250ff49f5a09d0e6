package dev.kubebench.report;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a trial's {@code events.jsonl}: an event of the trial's life (submitted, queued, admitted, pod_scheduled,
 * pod_started, pod_ready, first_log_line, run_start, run_stop, finished, deleted).
 *
 * @param time    when it happened (UTC instant)
 * @param event   the event name
 * @param pod     the pod it is about, or null for trial-level events
 * @param detail  free text (e.g. a reason), or null
 */
public record TimelineEvent(Instant time, String event, String pod, String detail) {
    public TimelineEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(event, "event");
        if (event.isBlank()) {
            throw new IllegalArgumentException("event name must not be blank");
        }
    }
}
