package dev.kubebench.collector.telemetry;

import dev.kubebench.collector.store.RunDirectory;
import dev.kubebench.core.timeline.EventKind;
import dev.kubebench.core.timeline.TimelineEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What one trial's telemetry is about, all of it from what the run recorded in the trial directory: the pods and their
 * nodes (events.jsonl), the namespace (manifest.yaml), and the window from the first pod started to the trial's end.
 *
 * @param benchmark benchmark name
 * @param runId     run id
 * @param trial     trial index
 * @param namespace the namespace of the trial's pods
 * @param pods      the trial's pod names
 * @param nodes     the nodes they ran on (those the timeline recorded; may be empty)
 * @param start     the window's start: the first {@code pod_started}
 * @param end       the window's end: {@code finished}
 * @param measured  run_start → run_stop when the workload logged both, else null
 */
public record TrialScope(String benchmark, String runId, int trial, String namespace, List<String> pods,
                         List<String> nodes, Instant start, Instant end, Duration measured) {
    /** How {@code pod_scheduled} details name the node ({@code node gpu-node-1}). */
    public static final String NODE_PREFIX = "node ";

    public TrialScope {
        Objects.requireNonNull(namespace, "namespace");
        pods = List.copyOf(pods);
        nodes = List.copyOf(nodes);
    }

    /** The window's length. */
    public Duration window() {
        return start == null || end == null ? Duration.ZERO : Duration.between(start, end);
    }

    /**
     * Reads a trial's scope from its directory.
     *
     * @param startedAt  the trial's start from result.json, used when no pod started
     * @param finishedAt the trial's end from result.json, used when the timeline has no {@code finished}
     */
    public static TrialScope read(RunDirectory run, int trial, Instant startedAt, Instant finishedAt)
            throws IOException {
        List<TimelineEvent> events = run.readEvents(trial);
        Set<String> pods = new LinkedHashSet<>();
        Set<String> nodes = new LinkedHashSet<>();
        Instant start = null;
        Instant end = null;
        Instant runStart = null;
        Instant runStop = null;
        for (TimelineEvent e : events) {
            if (e.pod() != null && !e.pod().isBlank()) {
                pods.add(e.pod());
            }
            if (e.is(EventKind.POD_SCHEDULED) && e.detail() != null && e.detail().startsWith(NODE_PREFIX)) {
                nodes.add(e.detail().substring(NODE_PREFIX.length()).strip());
            }
            if (e.is(EventKind.POD_STARTED) && (start == null || e.time().isBefore(start))) {
                start = e.time();
            }
            if (e.is(EventKind.FINISHED)) {
                end = e.time();
            }
            if (e.is(EventKind.RUN_START) && runStart == null) {
                runStart = e.time();
            }
            if (e.is(EventKind.RUN_STOP)) {
                runStop = e.time();
            }
        }
        Duration measured = runStart != null && runStop != null && runStop.isAfter(runStart)
                ? Duration.between(runStart, runStop) : null;
        return new TrialScope(run.benchmark(), run.runId(), trial, namespace(run.manifest(trial)),
                new ArrayList<>(pods), new ArrayList<>(nodes), start != null ? start : startedAt,
                end != null ? end : finishedAt, measured);
    }

    /** The namespace of the first namespaced object of the trial's manifest.yaml; {@code default} without one. */
    static String namespace(Path manifest) throws IOException {
        if (!Files.isRegularFile(manifest)) {
            return "default";
        }
        try (MappingIterator<JsonNode> docs = YAMLMapper.builder().build().readerFor(JsonNode.class)
                .readValues(manifest.toFile())) {
            while (docs.hasNext()) {
                JsonNode ns = docs.next().path("metadata").path("namespace");
                if (ns.isString() && !ns.asString().isBlank()) {
                    return ns.asString();
                }
            }
        } catch (JacksonException e) {
            throw new IOException(manifest + ": " + e.getOriginalMessage(), e);
        }
        return "default";
    }
}
