package dev.kubebench.report.analysis.samples;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.catalog.load.SpecLoader;
import dev.kubebench.catalog.mlperf.MlperfCatalog;
import dev.kubebench.catalog.spec.Gate;
import dev.kubebench.collector.mllog.MllogRun;
import dev.kubebench.collector.mlperf.MlperfScore;
import dev.kubebench.collector.mlperf.ScoredRun;
import dev.kubebench.collector.mlperf.SubmissionDirectory;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.catalog.spec.Sweep;
import dev.kubebench.core.trial.TrialState;
import dev.kubebench.collector.store.RunDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads samples from what users point at: a kubebench run directory ({@code trials/<n>/result.json}, one sample per
 * succeeded trial and metric), a results directory holding many runs (walked; symbolic links such as a
 * {@code last-good} baseline link are not followed, so no run counts twice), or a directory of raw MLPerf
 * {@code result_*.txt} logs (collected on the fly; each valid log is one sample of {@code time_to_train_s} and,
 * when logged, {@code throughput_samples_per_s}).
 */
public final class StoreSampleLoader implements SampleLoader {
    /** Metric names of raw MLPerf logs, matching what the collector writes for kubebench runs. */
    public static final String TIME_TO_TRAIN = "time_to_train_s";
    public static final String THROUGHPUT = "throughput_samples_per_s";

    private final MlperfCatalog catalog;

    public StoreSampleLoader() {
        this(MlperfCatalog.standard());
    }

    public StoreSampleLoader(MlperfCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<RunSamples> load(Path path) {
        if (!Files.isDirectory(path)) {
            throw new KubebenchException(Failure.INVALID_INPUT, path + ": no such directory");
        }
        try {
            if (isRunDirectory(path)) {
                return List.of(runDirectory(path));
            }
            if (!SubmissionDirectory.resultFiles(path).isEmpty()) {
                return List.of(mlperfDirectory(path));
            }
            List<RunSamples> runs = new ArrayList<>();
            for (Path dir : walk(path)) {
                if (isRunDirectory(dir)) {
                    runs.add(runDirectory(dir));
                } else if (!SubmissionDirectory.resultFiles(dir).isEmpty()) {
                    runs.add(mlperfDirectory(dir));
                }
            }
            if (runs.isEmpty()) {
                throw new KubebenchException(Failure.INVALID_INPUT, path
                        + ": no kubebench runs (trials/<n>/result.json) or MLPerf result_<n>.txt logs at or below it");
            }
            runs.sort(Comparator.comparing(RunSamples::startedAt, Comparator.nullsLast(Comparator.naturalOrder())));
            return runs;
        } catch (IOException e) {
            throw new KubebenchException(Failure.INVALID_INPUT, path + ": cannot read: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new KubebenchException(Failure.INVALID_INPUT, path + ": cannot read: " + e.getCause().getMessage(),
                    e);
        }
    }

    /** Directories below root (not root itself), in path order, without following symbolic links. */
    private static List<Path> walk(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> !p.equals(root) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !insideRun(root, p))
                    .sorted().toList();
        }
    }

    /** True for directories inside a run directory (its trials, logs), which are not runs themselves. */
    private static boolean insideRun(Path root, Path p) {
        for (Path q = p.getParent(); q != null && !q.equals(root); q = q.getParent()) {
            if (isRunDirectory(q)) {
                return true;
            }
        }
        return false;
    }

    static boolean isRunDirectory(Path dir) {
        return Files.isDirectory(dir.resolve(RunDirectory.TRIALS));
    }

    private static RunSamples runDirectory(Path dir) throws IOException {
        return runDirectory(dir, null);
    }

    /**
     * One variant of a run with {@code sweep.variants} ({@code compare RUN_DIR --variants a,b}): the measured trials
     * whose point has {@code variant=<variant>}, with the variant left out of the point so that the two sides of a
     * comparison pair up point by point.
     *
     * @throws KubebenchException INVALID_INPUT when {@code dir} is not a run directory or has no such variant
     */
    public static RunSamples variant(Path dir, String variant) {
        if (!isRunDirectory(dir)) {
            throw new KubebenchException(Failure.INVALID_INPUT, dir + ": not a run directory (no trials/)");
        }
        try {
            RunSamples run = runDirectory(dir, variant);
            if (run.observations().isEmpty()) {
                throw new KubebenchException(Failure.INVALID_INPUT, dir + ": no succeeded measured trial of variant '"
                        + variant + "'");
            }
            return run;
        } catch (IOException e) {
            throw new KubebenchException(Failure.INVALID_INPUT, dir + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The run's measured observations; only those of {@code variant} (and without it in the point) when not null. */
    private static RunSamples runDirectory(Path dir, String variant) throws IOException {
        RunDirectory run = RunDirectory.of(dir);
        List<Observation> obs = new ArrayList<>();
        Instant started = null;
        for (RunResult r : run.readResults()) {
            if (r.startedAt() != null && (started == null || r.startedAt().isBefore(started))) {
                started = r.startedAt();
            }
            if (r.status() != TrialState.SUCCEEDED || r.warmup()) {
                continue;
            }
            Map<String, Object> values = r.point();
            if (variant != null) {
                if (!variant.equals(String.valueOf(values.get(Sweep.VARIANT)))) {
                    continue;
                }
                values = new LinkedHashMap<>(values);
                values.remove(Sweep.VARIANT);
            }
            String point = pointLabel(values);
            for (Map.Entry<String, Double> m : r.metrics().entrySet()) {
                if (m.getValue() != null && Double.isFinite(m.getValue())) {
                    obs.add(new Observation(m.getKey(), point, m.getValue(), null));
                }
            }
        }
        String source = variant == null ? dir.toString() : dir + " (variant " + variant + ")";
        return new RunSamples(run.runId(), started, source, obs, gates(run.benchmarkYaml()));
    }

    /**
     * The gates of the spec as run. A spec the current loader cannot read (e.g. written by another version) gives
     * no gates rather than no comparison: directions then come from metric names and the threshold from the
     * command line.
     */
    private static List<Gate> gates(Path benchmarkYaml) {
        if (!Files.isRegularFile(benchmarkYaml)) {
            return List.of();
        }
        try {
            return SpecLoader.loadFile(benchmarkYaml, null, null).resolved().spec().gates();
        } catch (KubebenchException | IllegalArgumentException e) {
            return List.of();
        }
    }

    private RunSamples mlperfDirectory(Path dir) throws IOException {
        MlperfScore score = SubmissionDirectory.score(dir, catalog);
        List<Observation> obs = new ArrayList<>();
        double firstStartMs = Double.NaN;
        for (ScoredRun r : score.runs()) {
            MllogRun run = r.run();
            if (!Double.isNaN(run.runStartMs()) && !(run.runStartMs() >= firstStartMs)) {
                firstStartMs = run.runStartMs();
            }
            if (!r.valid()) {
                continue;
            }
            obs.add(new Observation(TIME_TO_TRAIN, "", run.timeToTrainMs() / 1000.0, null));
            if (Double.isFinite(run.throughputSamplesPerS()) && run.throughputSamplesPerS() > 0) {
                obs.add(new Observation(THROUGHPUT, "", run.throughputSamplesPerS(), null));
            }
        }
        Instant started = Double.isNaN(firstStartMs) ? null : Instant.ofEpochMilli((long) firstStartMs);
        return new RunSamples(dir.getFileName().toString(), started, dir.toString(), obs, List.of());
    }

    /** {@code key=value,...} in the point's order; empty without a sweep. */
    public static String pointLabel(Map<String, Object> point) {
        Set<String> parts = new LinkedHashSet<>();
        for (Map.Entry<String, Object> e : point.entrySet()) {
            parts.add(e.getKey() + "=" + e.getValue());
        }
        return String.join(",", parts);
    }
}
