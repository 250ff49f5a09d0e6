package dev.kubebench.core.timeline;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a trial's {@code events.jsonl}.
 *
 * @param time    when it happened (UTC)
 * @param kind    what happened
 * @param pod     the pod it concerns, or null
 * @param replica the replica type/index it concerns, or null
 * @param detail  free text (reason, message), or null
 */
public record TimelineEvent(Instant time, EventKind kind, String pod, String replica, String detail) {
    public TimelineEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
    }

    /** An event that concerns no particular pod. */
    public static TimelineEvent of(Instant time, EventKind kind) {
        return new TimelineEvent(time, kind, null, null, null);
    }

    /** True when this event is of {@code k}. */
    public boolean is(EventKind k) {
        return kind == k;
    }
}
