package dev.kubebench.collector.store;

import dev.kubebench.core.timeline.EventKind;

import dev.kubebench.core.io.AtomicFiles;
import dev.kubebench.core.timeline.TimelineEvent;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.collector.result.RunResultCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One run's directory (DESIGN §5):
 * <pre>
 * results/&lt;benchmark&gt;/&lt;run-id&gt;/
 *   benchmark.yaml  summary.json  results.csv  report.html
 *   trials/&lt;n&gt;/manifest.yaml  events.jsonl  logs/&lt;pod&gt;.log  result.json
 * </pre>
 * Paths only, plus reading and (atomically) writing results. The directory name is the run id; its parent's name is
 * the benchmark.
 */
public final class RunDirectory {
    public static final String BENCHMARK_YAML = "benchmark.yaml";
    public static final String SUMMARY_JSON = "summary.json";
    public static final String RESULTS_CSV = "results.csv";
    public static final String REPORT_HTML = "report.html";
    public static final String TRIALS = "trials";
    public static final String MANIFEST_YAML = "manifest.yaml";
    public static final String EVENTS_JSONL = "events.jsonl";
    public static final String LOGS = "logs";
    public static final String RESULT_JSON = "result.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path dir;

    private RunDirectory(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /** A run directory at {@code dir} (need not exist yet). */
    public static RunDirectory of(Path dir) {
        return new RunDirectory(dir);
    }

    public Path path() {
        return dir;
    }

    /** The run id: the directory's name. */
    public String runId() {
        return dir.getFileName().toString();
    }

    /** The benchmark: the parent directory's name. */
    public String benchmark() {
        Path parent = dir.toAbsolutePath().normalize().getParent();
        return parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
    }

    public Path benchmarkYaml() {
        return dir.resolve(BENCHMARK_YAML);
    }

    public Path summaryJson() {
        return dir.resolve(SUMMARY_JSON);
    }

    public Path resultsCsv() {
        return dir.resolve(RESULTS_CSV);
    }

    public Path reportHtml() {
        return dir.resolve(REPORT_HTML);
    }

    public Path trialsDir() {
        return dir.resolve(TRIALS);
    }

    /** {@code trials/<n>}. */
    public Path trialDir(int trial) {
        if (trial < 0) {
            throw new IllegalArgumentException("trial must not be negative: " + trial);
        }
        return trialsDir().resolve(Integer.toString(trial));
    }

    public Path manifest(int trial) {
        return trialDir(trial).resolve(MANIFEST_YAML);
    }

    public Path events(int trial) {
        return trialDir(trial).resolve(EVENTS_JSONL);
    }

    public Path logsDir(int trial) {
        return trialDir(trial).resolve(LOGS);
    }

    public Path resultJson(int trial) {
        return trialDir(trial).resolve(RESULT_JSON);
    }

    /** Creates {@code trials/<n>/logs/} and returns the trial directory. */
    public Path createTrial(int trial) throws IOException {
        Files.createDirectories(logsDir(trial));
        return trialDir(trial);
    }

    /** Trial numbers that have a directory, ascending. */
    public List<Integer> trials() throws IOException {
        Path t = trialsDir();
        if (!Files.isDirectory(t)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(t)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d{1,9}")).map(Integer::valueOf).sorted().toList();
        }
    }

    /** Writes {@code trials/<trial>/result.json} atomically. */
    public void writeResult(RunResult result) throws IOException {
        AtomicFiles.writeString(resultJson(result.trial()), RunResultCodec.write(result));
    }

    /**
     * Reads one trial's result.
     *
     * @throws KubebenchException INVALID_INPUT when the file is missing or malformed
     */
    public RunResult readResult(int trial) throws IOException {
        Path f = resultJson(trial);
        if (!Files.isRegularFile(f)) {
            throw new KubebenchException(Failure.INVALID_INPUT, f + ": no result (trial not finished?)");
        }
        return RunResultCodec.read(Files.readAllBytes(f), f.toString());
    }

    /** Every trial's result that exists, by trial number; trials without result.json are skipped. */
    public List<RunResult> readResults() throws IOException {
        List<RunResult> out = new ArrayList<>();
        for (int t : trials()) {
            if (Files.isRegularFile(resultJson(t))) {
                out.add(readResult(t));
            }
        }
        return out;
    }

    /**
     * A trial's timeline from {@code events.jsonl}; empty when the file does not exist. Lines that are not a JSON
     * object with {@code time} and {@code event} (e.g. a line cut by a crash) are skipped.
     */
    public List<TimelineEvent> readEvents(int trial) throws IOException {
        return readEvents(events(trial));
    }

    /** Reads an {@code events.jsonl} file (see {@link #readEvents(int)}). */
    public static List<TimelineEvent> readEvents(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<TimelineEvent> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode n = JSON.readTree(line);
                    if (n == null || !n.isObject() || !n.path("time").isString() || !n.path("event").isString()) {
                        continue;
                    }
                    Optional<EventKind> kind = EventKind.fromJson(n.get("event").asString());
                    if (kind.isEmpty()) {
                        continue; // an event kind a later version added: readers of this version skip it
                    }
                    out.add(new TimelineEvent(Instant.parse(n.get("time").asString()), kind.get(),
                            text(n, "pod"), text(n, "replica"), text(n, "detail")));
                } catch (JacksonException | DateTimeParseException e) {
                    // a torn last line after a crash: the events before it are still good
                }
            }
        }
        return out;
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() ? null : v.asString();
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
