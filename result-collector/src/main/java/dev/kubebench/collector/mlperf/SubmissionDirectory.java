package dev.kubebench.collector.mlperf;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.catalog.mlperf.MlperfCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The run logs of a directory, and a line for each file named like one that is not read.
     *
     * @param files   the logs read, one per run, in natural order of their names (run numbers compared as numbers,
     *                of any length)
     * @param skipped {@code <name>: not read: <why>}: a directory, a dangling symbolic link, a device; or a second
     *                log of the same run ({@code result_0.txt} and {@code result_0.txt.gz}), of which one counts
     */
    public record RunLogs(List<Path> files, List<String> skipped) {
        public RunLogs {
            files = List.copyOf(files);
            skipped = List.copyOf(skipped);
        }
    }

    /** The order of preference among the logs of one run: plain before compressed, MLCommons' .txt first. */
    private static final List<String> PREFERENCE = List.of(".txt", ".log", ".txt.gz", ".log.gz");

    /** The run log files of a directory, in natural order of their names (run numbers compared as numbers). */
    public static List<Path> resultFiles(Path dir) throws IOException {
        return runLogs(dir).files();
    }

    /**
     * The run logs of a directory: every file named like one ({@link #isResultFile}) that is a regular file (links
     * followed), one per run. A run is one number: when several logs name the same run ({@code result_0.txt},
     * {@code result_0.txt.gz}) the plain {@code .txt} counts, as the MLCommons summarizer reads only it, then
     * {@code .log}, {@code .txt.gz}, {@code .log.gz}; every other file is said in {@link RunLogs#skipped()}.
     */
    public static RunLogs runLogs(Path dir) throws IOException {
        List<Path> named;
        try (Stream<Path> s = Files.list(dir)) {
            named = s.filter(p -> isResultFile(p.getFileName().toString())).sorted(BY_NAME).toList();
        }
        List<String> skipped = new ArrayList<>();
        Map<String, Path> runs = new LinkedHashMap<>();
        for (Path p : named) {
            String why = notReadable(p);
            if (why != null) {
                skipped.add(p.getFileName() + ": not read: " + why);
                continue;
            }
            runs.merge(run(p), p, (a, b) -> preference(a) <= preference(b) ? a : b);
        }
        for (Path p : named) {
            Path counted = runs.get(run(p));
            if (counted != null && !counted.equals(p) && notReadable(p) == null) {
                skipped.add(p.getFileName() + ": not read: the same run as " + counted.getFileName()
                        + ", which counts (a run is one log)");
            }
        }
        return new RunLogs(runs.values().stream().sorted(BY_NAME).toList(), skipped);
    }

    /** Why a file named like a run log cannot be read as one, or null when it is a regular file. */
    static String notReadable(Path p) {
        if (Files.isRegularFile(p)) {
            return null;
        }
        if (Files.isDirectory(p)) {
            return "a directory";
        }
        if (Files.isSymbolicLink(p) && !Files.exists(p)) {
            return "a symbolic link to a missing file";
        }
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return "gone";
        }
        return "not a regular file (a device, pipe or socket)";
    }

    private static final Comparator<Path> BY_NAME =
            Comparator.comparing((Path p) -> p.getFileName().toString(), RunOrder.NATURAL);

    /** The run a log is of: its name without {@code .gz} and without {@code .txt} or {@code .log}. */
    private static String run(Path p) {
        String name = p.getFileName().toString();
        for (String suffix : PREFERENCE) {
            if (name.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private static int preference(Path p) {
        String name = p.getFileName().toString();
        for (int i = PREFERENCE.size() - 1; i >= 0; i--) {
            if (name.endsWith(PREFERENCE.get(i))) {
                return i;
            }
        }
        return PREFERENCE.size();
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
