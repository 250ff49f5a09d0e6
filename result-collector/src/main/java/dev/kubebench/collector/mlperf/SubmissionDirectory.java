package dev.kubebench.collector.mlperf;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.catalog.mlperf.MlperfCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
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
    /**
     * Run logs: every {@code result_*.txt}, as the MLCommons summarizer globs them (names such as
     * {@code result_5016-240510051637692552791_26.txt} included), and kubebench's {@code result_<n>.log}; either
     * optionally gzip-compressed ({@code .gz}).
     */
    private static final Pattern RESULT = Pattern.compile("result_.*\\.txt(\\.gz)?|result_\\d+\\.log(\\.gz)?");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SubmissionDirectory() {
    }

    /** True when {@code name} is a run log file name ({@code result_*.txt[.gz]}, {@code result_<n>.log[.gz]}). */
    public static boolean isResultFile(String name) {
        return RESULT.matcher(name).matches();
    }

    /** The run log files of a directory, in natural order of their names (run numbers compared as numbers). */
    public static List<Path> resultFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p) && isResultFile(p.getFileName().toString()))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString(), RunOrder.NATURAL))
                    .toList();
        }
    }

    /** Directories at or below {@code root} that hold run logs, in path order ({@link SubmissionScan} also says
     * which directories it passed over and why). */
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

    /**
     * Parses every run log of {@code dir} and scores them, without the compliance check
     * ({@link DirectoryScoring#score} with {@link DirectoryScoring.Options#CHECK} adds it).
     *
     * @throws KubebenchException INVALID_INPUT when the benchmark is unknown or scaling.json is unreadable
     */
    public static MlperfScore score(Path dir, MlperfCatalog catalog) throws IOException {
        return DirectoryScoring.score(dir, catalog, DirectoryScoring.Options.NO_CHECK);
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

    static String name(Path p, int up) {
        Path q = p;
        for (int i = 0; i < up && q != null; i++) {
            q = q.getParent();
        }
        return q == null || q.getFileName() == null ? null : q.getFileName().toString();
    }
}
