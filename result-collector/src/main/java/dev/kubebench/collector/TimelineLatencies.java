package dev.kubebench.collector;

import dev.kubebench.core.timeline.EventKind;

import dev.kubebench.collector.latency.LatencyRecorder;
import dev.kubebench.collector.latency.LatencySummary;
import dev.kubebench.core.timeline.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scheduling and startup latencies from a trial's timeline: per pod, {@code scheduling_latency} =
 * first {@code pod_scheduled} − {@code submitted}, {@code startup_latency} = first {@code pod_started} −
 * {@code pod_scheduled}; summarised as p50/p90/p99/max in milliseconds. Also {@code queue_time_s} (admitted −
 * submitted) and {@code wall_time_s} (finished − submitted) when those events exist. A latency that cannot be real
 * (negative: the events' clocks disagree; over {@link LatencyRecorder#MAX_MS}) is left out and counted in a warning.
 */
public final class TimelineLatencies {
    private TimelineLatencies() {
    }

    /** Metrics derived from the events; empty when there are no pod events. Impossible latencies are not warned of. */
    public static Map<String, Double> metrics(List<TimelineEvent> events) {
        return metrics(events, new ArrayList<>());
    }

    /** Metrics derived from the events, with a warning in {@code warnings} per latency that left samples out. */
    public static Map<String, Double> metrics(List<TimelineEvent> events, List<String> warnings) {
        Map<String, Double> m = new LinkedHashMap<>();
        Instant submitted = first(events, EventKind.SUBMITTED);
        Map<String, Instant> scheduled = new HashMap<>();
        Map<String, Instant> started = new HashMap<>();
        for (TimelineEvent e : events) {
            if (e.pod() == null) {
                continue;
            }
            if (e.is(EventKind.POD_SCHEDULED)) {
                scheduled.putIfAbsent(e.pod(), e.time());
            } else if (e.is(EventKind.POD_STARTED)) {
                started.putIfAbsent(e.pod(), e.time());
            }
        }
        LatencyRecorder sched = new LatencyRecorder();
        LatencyRecorder startup = new LatencyRecorder();
        for (Map.Entry<String, Instant> e : scheduled.entrySet()) {
            if (submitted != null) {
                sched.recordMs(ms(submitted, e.getValue()));
            }
            Instant s = started.get(e.getKey());
            if (s != null) {
                startup.recordMs(ms(e.getValue(), s));
            }
        }
        put(m, "scheduling_latency", sched.summary());
        put(m, "startup_latency", startup.summary());
        warnRejected("scheduling latency", sched, warnings);
        warnRejected("startup latency", startup, warnings);
        Instant admitted = first(events, EventKind.ADMITTED);
        if (submitted != null && admitted != null) {
            m.put("queue_time_s", ms(submitted, admitted) / 1000.0);
        }
        Instant finished = first(events, EventKind.FINISHED);
        if (submitted != null && finished != null) {
            m.put("wall_time_s", ms(submitted, finished) / 1000.0);
        }
        return m;
    }

    private static void put(Map<String, Double> m, String name, LatencySummary s) {
        if (s == null) {
            return;
        }
        m.put(name + "_p50_ms", s.p50Ms());
        m.put(name + "_p90_ms", s.p90Ms());
        m.put(name + "_p99_ms", s.p99Ms());
        m.put(name + "_max_ms", s.maxMs());
    }

    private static void warnRejected(String what, LatencyRecorder r, List<String> warnings) {
        if (r.rejected() > 0) {
            warnings.add("timeline: " + r.rejected() + " impossible " + what + " sample(s) left out (negative, not "
                    + "finite or over 30 days)");
        }
    }

    private static Instant first(List<TimelineEvent> events, EventKind kind) {
        for (TimelineEvent e : events) {
            if (e.is(kind)) {
                return e.time();
            }
        }
        return null;
    }

    private static double ms(Instant a, Instant b) {
        return Duration.between(a, b).toNanos() / 1e6;
    }
}
