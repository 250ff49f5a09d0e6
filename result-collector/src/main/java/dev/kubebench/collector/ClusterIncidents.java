package dev.kubebench.collector;

import dev.kubebench.core.timeline.EventKind;
import dev.kubebench.core.timeline.TimelineEvent;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the cluster did to a trial's pods without ending it, from its timeline ({@code pod_restarted},
 * {@code disruption}, {@code log_incomplete}), for result.json: the labels {@code pod_restarts} (restarts per pod,
 * {@code pod=n} comma-separated) and {@code disruptions} (how many), each only when there was one, and one warning
 * per event (docs/results.md). A restart matters to time to train, which is measured from the last run_start.
 */
final class ClusterIncidents {
    private ClusterIncidents() {
    }

    /** Adds the labels and warnings of {@code events} to {@code labels} and {@code warnings}. */
    static void add(List<TimelineEvent> events, Map<String, String> labels, List<String> warnings) {
        Map<String, Integer> restarts = new TreeMap<>();
        int disruptions = 0;
        for (TimelineEvent e : events) {
            String pod = e.pod() == null ? "" : "pod " + e.pod() + ": ";
            String detail = e.detail() == null ? "" : e.detail();
            if (e.is(EventKind.POD_RESTARTED)) {
                restarts.merge(e.pod() == null ? "?" : e.pod(), 1, Integer::sum);
                warnings.add(pod + "restarted (" + detail + "); time to train is measured from the last run_start");
            } else if (e.is(EventKind.DISRUPTION)) {
                disruptions++;
                warnings.add(pod + "disrupted by the cluster: " + detail);
            } else if (e.is(EventKind.LOG_INCOMPLETE)) {
                warnings.add(pod + "log may be incomplete: " + detail);
            }
        }
        if (!restarts.isEmpty()) {
            labels.put("pod_restarts", String.join(",", restarts.entrySet().stream()
                    .map(r -> r.getKey() + "=" + r.getValue()).toList()));
        }
        if (disruptions > 0) {
            labels.put("disruptions", Integer.toString(disruptions));
        }
    }
}
