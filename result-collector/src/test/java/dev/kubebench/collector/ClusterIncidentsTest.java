package dev.kubebench.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kubebench.core.timeline.EventKind;
import dev.kubebench.core.timeline.TimelineEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterIncidentsTest {
    private static final Instant T = Instant.parse("2026-11-28T20:15:00Z");

    @Test
    void restartsPerPodDisruptionsAndIncompleteLogsBecomeLabelsAndWarnings() {
        List<TimelineEvent> events = List.of(
                new TimelineEvent(T, EventKind.SUBMITTED, null, null, null),
                new TimelineEvent(T, EventKind.POD_RESTARTED, "job-master-0", null,
                        "container pytorch restart 1; previous attempt ran 12.0s, exit 1 (Error)"),
                new TimelineEvent(T, EventKind.DISRUPTION, "job-worker-1", null,
                        "DeletionByPodGC: PodGC: node no longer exists (node gpu-7)"),
                new TimelineEvent(T, EventKind.POD_RESTARTED, "job-worker-1", null, "pod re-created with a new uid u2"),
                new TimelineEvent(T, EventKind.LOG_INCOMPLETE, "job-worker-1", null, "container pytorch: timed out"));
        Map<String, String> labels = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        ClusterIncidents.add(events, labels, warnings);
        assertEquals(Map.of("pod_restarts", "job-master-0=1,job-worker-1=1", "disruptions", "1"), labels);
        assertEquals(List.of(
                "pod job-master-0: restarted (container pytorch restart 1; previous attempt ran 12.0s, exit 1 (Error));"
                        + " time to train is measured from the last run_start",
                "pod job-worker-1: disrupted by the cluster: DeletionByPodGC: PodGC: node no longer exists (node gpu-7)",
                "pod job-worker-1: restarted (pod re-created with a new uid u2); time to train is measured from the last"
                        + " run_start",
                "pod job-worker-1: log may be incomplete: container pytorch: timed out"), warnings);
    }

    @Test
    void nothingHappenedAddsNothing() {
        Map<String, String> labels = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        ClusterIncidents.add(List.of(new TimelineEvent(T, EventKind.FINISHED, null, null, "succeeded")), labels,
                warnings);
        assertEquals(Map.of(), labels);
        assertEquals(List.of(), warnings);
    }
}
