package dev.kubebench.collector.mlperf;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.catalog.mlperf.MlperfBenchmark;
import dev.kubebench.catalog.mlperf.MlperfCatalog;
import dev.kubebench.catalog.spec.QualityTarget;
import dev.kubebench.collector.mllog.MllogAccumulator;
import dev.kubebench.collector.mllog.MllogParser;
import dev.kubebench.collector.mllog.MllogRun;
import dev.kubebench.collector.mllog.ParseStats;
import dev.kubebench.collector.mllog.SubmissionInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A directory of MLPerf run logs laid out as in the MLCommons results repositories:
 * {@code .../<org>/<platform>/<benchmark>/result_<n>.txt} (optionally gzip-compressed, {@code .txt.gz}) with an
 * optional {@code scaling.json}. Identity (benchmark, org, platform) comes from the logs' {@code submission_*}
 * keys, or from the path where the logs carry placeholders.
 */
public final class SubmissionDirectory {
    private static final Pattern RESULT = Pattern.compile("result_(\\d+)\\.(txt|log)(\\.gz)?");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SubmissionDirectory() {
    }

    /** True when {@code name} is a run log file name ({@code result_<n>.txt[.gz]}). */
    public static boolean isResultFile(String name) {
        return RESULT.matcher(name).matches();
    }

    /** The run log files of a directory, by run number. */
    public static List<Path> resultFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p) && isResultFile(p.getFileName().toString()))
                    .sorted(Comparator.comparingLong(SubmissionDirectory::runNumber)
                            .thenComparing(p -> p.getFileName().toString()))
                    .toList();
        }
    }

    /** Directories at or below {@code root} that hold run logs, in path order. */
    public static List<Path> find(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isDirectory).filter(d -> {
                try {
                    return !resultFiles(d).isEmpty();
                } catch (IOException e) {
                    return false;
                }
            }).sorted().toList();
        }
    }

    private static long runNumber(Path p) {
        Matcher m = RESULT.matcher(p.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
    }

    /**
     * Parses every run log of {@code dir} and scores them.
     *
     * @throws KubebenchException INVALID_INPUT when the benchmark is unknown or scaling.json is unreadable
     */
    public static MlperfScore score(Path dir, MlperfCatalog catalog) throws IOException {
        List<Path> files = resultFiles(dir);
        Path abs = dir.toAbsolutePath().normalize();
        String pathBenchmark = name(abs, 0);
        String pathPlatform = name(abs, 1);
        String pathOrg = name(abs, 2);
        Optional<MlperfBenchmark> fromPath = catalog.find(pathBenchmark);

        List<ScoredRun> runs = new ArrayList<>();
        SubmissionInfo info = SubmissionInfo.NONE;
        MlperfBenchmark benchmark = fromPath.orElse(null);
        for (Path f : files) {
            List<QualityTarget> known = benchmark == null ? List.of() : benchmark.targets();
            MllogAccumulator acc = new MllogAccumulator(known);
            ParseStats stats = new MllogParser().parse(f, acc);
            if (benchmark == null) {
                benchmark = catalog.find(acc.submission("submission_benchmark")).orElse(null);
            }
            MllogRun run = acc.finish(benchmark == null ? List.of() : benchmark.targets(), stats);
            if (info == SubmissionInfo.NONE) {
                info = run.submission();
            }
            runs.add(new ScoredRun(f.getFileName().toString(), run));
        }
        if (benchmark == null) {
            throw new KubebenchException(Failure.INVALID_INPUT, dir + ": unknown MLPerf benchmark '"
                    + (info.benchmark() == null ? pathBenchmark : info.benchmark())
                    + "' (neither the directory name nor submission_benchmark names one of "
                    + String.join(", ", catalog.all().stream().map(MlperfBenchmark::name).toList()) + ")");
        }
        SubmissionInfo id = info.withFallback(benchmark.name(), pathOrg, pathPlatform);
        return MlperfScorer.score(benchmark, id.org(), id.platform(), id.division(), runs, scalingFactor(dir));
    }

    /** {@code scaling.json}'s {@code scaling_factor}, or 1.0 when the file does not exist. */
    public static double scalingFactor(Path dir) throws IOException {
        Path f = dir.resolve("scaling.json");
        if (!Files.isRegularFile(f)) {
            return 1.0;
        }
        try {
            JsonNode n = JSON.readTree(Files.readAllBytes(f));
            JsonNode v = n == null ? null : n.get("scaling_factor");
            if (v == null || !v.isNumber() || !(v.asDouble() > 0) || Double.isInfinite(v.asDouble())) {
                throw new KubebenchException(Failure.INVALID_INPUT,
                        f + ": scaling_factor: expected a positive number");
            }
            return v.asDouble();
        } catch (JacksonException e) {
            throw new KubebenchException(Failure.INVALID_INPUT, f + ": not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String name(Path p, int up) {
        Path q = p;
        for (int i = 0; i < up && q != null; i++) {
            q = q.getParent();
        }
        return q == null || q.getFileName() == null ? null : q.getFileName().toString();
    }
}
