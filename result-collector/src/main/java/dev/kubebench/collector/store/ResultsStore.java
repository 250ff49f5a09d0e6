package dev.kubebench.collector.store;

import dev.kubebench.core.io.AtomicFiles;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.core.trial.TrialState;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The embedded results store: {@code <root>/<benchmark>/<run-id>/} run directories plus one
 * {@code <root>/<benchmark>/index.json} per benchmark listing its runs (schema in docs/results.md). The index is
 * updated under a file lock and written atomically; when it is missing or unreadable it is rebuilt by scanning the
 * run directories, so the directories are the truth and the index a cache.
 */
public final class ResultsStore {
    public static final String INDEX_JSON = "index.json";
    public static final int INDEX_SCHEMA_VERSION = 1;
    /** Index status of a run whose process still runs it. */
    public static final String RUNNING = "running";
    /** Index status of a run whose process ended without recording a final status (SIGKILL, power loss). */
    public static final String ABANDONED = "abandoned";
    /** Index status of a run stopped by Ctrl-C or SIGTERM. */
    public static final String INTERRUPTED = "interrupted";
    private static final String EMPTY = "empty";

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9._-]{0,126}[a-z0-9])?");
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final Object LOCK = new Object();
    /** The run lock file in a run directory, held (exclusively) by the process running it. */
    public static final String RUN_LOCK = ".run.lock";
    /** Run locks this JVM holds, by lock file: closing any other channel on such a file would release its lock. */
    private static final Map<Path, FileChannel> HELD = new ConcurrentHashMap<>();

    private final Path root;

    /** A store rooted at {@code root} (usually {@code ./results}); created lazily. */
    public ResultsStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The directory of one benchmark's runs. */
    public Path benchmarkDir(String benchmark) {
        checkName(benchmark);
        return root.resolve(benchmark);
    }

    /** Creates a new, empty run directory with a fresh id and lists it in the index as {@code running}. */
    public RunDirectory createRun(String benchmark, Clock clock, RandomGenerator random) throws IOException {
        Path bdir = benchmarkDir(benchmark);
        Files.createDirectories(bdir);
        for (int attempt = 0; attempt < 100; attempt++) {
            String id = RunIds.next(clock, random);
            Path dir = bdir.resolve(id);
            try {
                Files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                continue;
            }
            RunDirectory run = RunDirectory.of(dir);
            hold(run);
            Files.createDirectories(run.trialsDir());
            put(benchmark, new RunEntry(id, createdAt(id), 0, 0, RUNNING));
            return run;
        }
        throw new IOException("could not find a free run id under " + bdir);
    }

    /**
     * An existing run.
     *
     * @throws KubebenchException INVALID_INPUT when it does not exist
     */
    public RunDirectory open(String benchmark, String runId) {
        Path dir = benchmarkDir(benchmark).resolve(runId);
        if (!RunIds.isValid(runId) || !Files.isDirectory(dir)) {
            throw new KubebenchException(Failure.INVALID_INPUT, "no run " + runId + " of benchmark " + benchmark
                    + " under " + root);
        }
        return RunDirectory.of(dir);
    }

    /** Benchmarks with a directory in the store, sorted. */
    public List<String> benchmarks() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> NAME.matcher(n).matches()).sorted().toList();
        }
    }

    /** A benchmark's runs, oldest first, from its index (rebuilt by a scan when missing or unreadable). */
    public List<RunEntry> runs(String benchmark) throws IOException {
        Optional<List<RunEntry>> idx = readIndex(benchmark);
        if (idx.isEmpty()) {
            return rebuildIndex(benchmark);
        }
        return idx.get().stream().map(e -> resolveLiveness(benchmark, e)).toList();
    }

    /** The newest run of a benchmark. */
    public Optional<RunDirectory> latest(String benchmark) throws IOException {
        List<RunEntry> runs = runs(benchmark);
        for (int i = runs.size() - 1; i >= 0; i--) {
            Path dir = benchmarkDir(benchmark).resolve(runs.get(i).runId());
            if (Files.isDirectory(dir)) {
                return Optional.of(RunDirectory.of(dir));
            }
        }
        return Optional.empty();
    }

    /**
     * Recomputes a run's index entry from its result files (call after writing results), stores it and releases the
     * run's lock: the run is over.
     */
    public RunEntry record(RunDirectory run) throws IOException {
        return record(run, null);
    }

    /**
     * Stores a run's final index entry and releases the run's lock. {@code status} is the run's final status
     * ({@code interrupted}, {@code failed}, ...) or null to derive it from the results ({@code succeeded} when every
     * trial succeeded, {@code failed} when some did not, {@code empty} without results).
     */
    public RunEntry record(RunDirectory run, String status) throws IOException {
        try {
            RunEntry derived = entry(run, EMPTY);
            RunEntry e = status == null ? derived : derived.withStatus(status);
            put(run.benchmark(), e);
            return e;
        } finally {
            release(run);
        }
    }

    /**
     * True while the process that created the run directory still runs it: that process holds an exclusive lock on
     * the run's {@value #RUN_LOCK}, which the operating system releases when the process ends, however it ends.
     */
    public static boolean isLive(RunDirectory run) {
        Path lockFile = lockFile(run);
        if (HELD.containsKey(lockFile)) {
            return true;
        }
        if (!Files.isRegularFile(lockFile)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.READ)) {
            FileLock probe = ch.tryLock(0, Long.MAX_VALUE, true);
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return true; // cannot tell: do not call a run abandoned that may still run
        }
    }

    /** A run whose process ended without recording its final state: a lock file, no summary.json, not live. */
    public static boolean isAbandoned(RunDirectory run) {
        return Files.isRegularFile(lockFile(run)) && !Files.exists(run.summaryJson()) && !isLive(run);
    }

    private static Path lockFile(RunDirectory run) {
        return run.path().toAbsolutePath().normalize().resolve(RUN_LOCK);
    }

    private static void hold(RunDirectory run) throws IOException {
        Path lockFile = lockFile(run);
        FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            if (ch.tryLock() == null) {
                throw new IOException("run " + run.runId() + " is locked by another process");
            }
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        HELD.put(lockFile, ch);
    }

    private static void release(RunDirectory run) throws IOException {
        Path lockFile = lockFile(run);
        FileChannel ch = HELD.remove(lockFile);
        if (ch != null) {
            // the run is over: no lock file means no run to tell live from abandoned
            Files.deleteIfExists(lockFile);
            ch.close();
        }
    }

    /** A {@code running} entry whose process is gone is {@code abandoned} (killed, e.g. by SIGKILL). */
    private RunEntry resolveLiveness(String benchmark, RunEntry e) {
        if (!RUNNING.equals(e.status()) || isLive(RunDirectory.of(benchmarkDir(benchmark).resolve(e.runId())))) {
            return e;
        }
        return e.withStatus(ABANDONED);
    }

    /** Rebuilds a benchmark's index by scanning its run directories. */
    public List<RunEntry> rebuildIndex(String benchmark) throws IOException {
        return locked(benchmark, () -> {
            List<RunEntry> entries = scan(benchmark);
            writeIndex(benchmark, entries);
            return entries;
        });
    }

    private List<RunEntry> scan(String benchmark) throws IOException {
        Path bdir = benchmarkDir(benchmark);
        if (!Files.isDirectory(bdir)) {
            return List.of();
        }
        List<RunEntry> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(bdir)) {
            for (Path d : s.filter(Files::isDirectory).sorted().toList()) {
                if (RunIds.isValid(d.getFileName().toString())) {
                    out.add(scanned(RunDirectory.of(d)));
                }
            }
        }
        return out;
    }

    /** A run found by a scan: live, the final status its summary.json states, or derived from its results. */
    private static RunEntry scanned(RunDirectory run) throws IOException {
        if (isLive(run)) {
            return entry(run, RUNNING).withStatus(RUNNING);
        }
        Optional<String> summarized = summaryStatus(run);
        if (summarized.isPresent()) {
            // as record(run, status) left it: interrupted, or derived from the results (the summary's without any)
            RunEntry derived = entry(run, summarized.get());
            return summarized.get().equals(INTERRUPTED) ? derived.withStatus(INTERRUPTED) : derived;
        }
        RunEntry derived = entry(run, EMPTY);
        // a lock file but no summary: the process that ran it died before writing its final state
        return Files.isRegularFile(lockFile(run)) ? derived.withStatus(ABANDONED) : derived;
    }

    private static Optional<String> summaryStatus(RunDirectory run) {
        try {
            JsonNode n = JSON.readTree(Files.readAllBytes(run.summaryJson()));
            return n != null && n.path("status").isString() ? Optional.of(n.get("status").asString())
                    : Optional.empty();
        } catch (IOException | JacksonException e) {
            return Optional.empty();
        }
    }

    private static RunEntry entry(RunDirectory run, String statusWithoutResults) throws IOException {
        List<RunResult> results;
        try {
            results = run.readResults();
        } catch (KubebenchException e) {
            results = List.of();
        }
        int ok = (int) results.stream().filter(r -> r.status() == TrialState.SUCCEEDED).count();
        String status = results.isEmpty() ? statusWithoutResults : ok == results.size() ? "succeeded" : "failed";
        return new RunEntry(run.runId(), createdAt(run.runId()), results.size(), ok, status);
    }

    private void put(String benchmark, RunEntry entry) throws IOException {
        locked(benchmark, () -> {
            TreeMap<String, RunEntry> byId = new TreeMap<>();
            Optional<List<RunEntry>> idx = readIndex(benchmark);
            for (RunEntry e : idx.isPresent() ? idx.get() : scan(benchmark)) {
                byId.put(e.runId(), resolveLiveness(benchmark, e));
            }
            byId.put(entry.runId(), entry);
            writeIndex(benchmark, new ArrayList<>(byId.values()));
            return null;
        });
    }

    private interface IoAction<T> {
        T run() throws IOException;
    }

    /** Runs {@code action} holding the benchmark's index lock (in this JVM and across processes). */
    private <T> T locked(String benchmark, IoAction<T> action) throws IOException {
        Path bdir = benchmarkDir(benchmark);
        Files.createDirectories(bdir);
        synchronized (LOCK) {
            try (FileChannel ch = FileChannel.open(bdir.resolve(".index.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                FileLock lock = ch.lock();
                try {
                    return action.run();
                } finally {
                    lock.release();
                }
            }
        }
    }

    private Optional<List<RunEntry>> readIndex(String benchmark) throws IOException {
        Path f = benchmarkDir(benchmark).resolve(INDEX_JSON);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(Files.readAllBytes(f));
            if (n == null || n.path("schema_version").asInt(0) != INDEX_SCHEMA_VERSION || !n.path("runs").isArray()) {
                return Optional.empty();
            }
            List<RunEntry> out = new ArrayList<>();
            for (JsonNode r : n.get("runs")) {
                out.add(new RunEntry(r.required("run_id").asString(), Instant.parse(r.required("created_at").asString()),
                        r.path("trials").asInt(0), r.path("succeeded").asInt(0), r.path("status").asString("empty")));
            }
            out.sort(Comparator.comparing(RunEntry::runId));
            return Optional.of(out);
        } catch (JacksonException | IllegalArgumentException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private void writeIndex(String benchmark, List<RunEntry> entries) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("schema_version", INDEX_SCHEMA_VERSION);
        o.put("benchmark", benchmark);
        ArrayNode runs = o.putArray("runs");
        for (RunEntry e : entries) {
            ObjectNode r = runs.addObject();
            r.put("run_id", e.runId());
            r.put("created_at", e.createdAt().toString());
            r.put("trials", e.trials());
            r.put("succeeded", e.succeeded());
            r.put("status", e.status());
        }
        AtomicFiles.writeString(benchmarkDir(benchmark).resolve(INDEX_JSON), JSON.writeValueAsString(o) + "\n");
    }

    private static Instant createdAt(String runId) {
        return LocalDateTime.parse(runId.substring(0, 15), ID_TIME).toInstant(ZoneOffset.UTC);
    }

    private static void checkName(String benchmark) {
        if (benchmark == null || !NAME.matcher(benchmark).matches()) {
            throw new KubebenchException(Failure.INVALID_INPUT, "benchmark name '" + benchmark
                    + "' cannot name a results directory (lower-case letters, digits, '.', '_', '-')");
        }
    }
}
