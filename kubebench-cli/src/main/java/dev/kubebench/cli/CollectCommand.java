package dev.kubebench.cli;

import dev.kubebench.core.text.Numbers;
import dev.kubebench.core.text.Printable;
import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.catalog.mlperf.MlperfBenchmark;
import dev.kubebench.catalog.mlperf.MlperfCatalog;
import dev.kubebench.catalog.spec.QualityTarget;
import dev.kubebench.collector.mllog.MllogAccumulator;
import dev.kubebench.collector.mllog.MllogParser;
import dev.kubebench.collector.mllog.MllogRun;
import dev.kubebench.collector.mllog.ParseStats;
import dev.kubebench.collector.mlperf.DirectoryScoring;
import dev.kubebench.collector.mlperf.MlperfScore;
import dev.kubebench.collector.mlperf.ScoredRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import dev.kubebench.report.csv.SafeCsv;
import org.apache.commons.csv.CSVFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code kubebench collect <dir|file>...}: parses MLPerf MLLOG run logs and prints time to train per run and, for
 * every directory of {@code result_*.txt} logs (found at or below each directory argument), the MLPerf score as the
 * MLCommons result summarizer computes it, each log checked against the compliance rules of its round. A directory
 * that cannot be scored is reported and the others are still scored; the exit code then says it failed.
 */
@Command(name = "collect",
        description = {"Parse MLPerf MLLOG run logs: time to train, status and quality per run, and the MLPerf score "
                + "(olympic mean x scaling.json) for every directory of result_*.txt logs, each log checked against "
                + "the MLPerf compliance rules of its round."},
        mixinStandardHelpOptions = true)
public final class CollectCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, json, csv }

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose;

    @Parameters(arity = "1..*", paramLabel = "<dir|file>",
            description = "Run logs, or directories searched for result_*.txt[.gz] logs (each such directory is "
                    + "scored).")
    List<Path> paths;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "<format>",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format output;

    @Option(names = "--benchmark", paramLabel = "<name>",
            description = "MLPerf benchmark for single log files whose logs and path do not name one, e.g. resnet.")
    String benchmark;

    @Option(names = "--check", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Check every log of a scored directory against the MLPerf compliance rules of its round; a "
                    + "run that fails them does not count, as with the MLCommons summarizer (default: on; "
                    + "--no-check skips it).")
    boolean check;

    @Option(names = "--ruleset", paramLabel = "<x.y.z>",
            description = "Compliance rules to check against, e.g. 4.0.0 (default: the round a folder of the path "
                    + "names, e.g. training_results_v4.0 or 4.0, else the newest round with the benchmark).")
    String ruleset;

    private record FileRun(Path file, String benchmark, MllogRun run) {
    }

    @Override
    public Integer call() throws IOException {
        MlperfCatalog catalog = MlperfCatalog.standard();
        DirectoryScoring.Options options = new DirectoryScoring.Options(check, ruleset);
        List<MlperfScore> scores = new ArrayList<>();
        List<Path> scoreDirs = new ArrayList<>();
        List<FileRun> files = new ArrayList<>();
        CollectProblems problems = new CollectProblems();
        MlperfBenchmark named = named(catalog);
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                problems.scoreAll(p, catalog, options, scoreDirs, scores);
            } else if (Files.isRegularFile(p)) {
                try {
                    files.add(parseFile(p, catalog, named));
                } catch (KubebenchException e) {
                    problems.failed(p, e);
                } catch (IOException e) {
                    problems.failed(p, new KubebenchException(Failure.INVALID_INPUT, p + ": cannot read: "
                            + e.getMessage()));
                }
            } else {
                problems.failed(p, new KubebenchException(Failure.INVALID_INPUT, p + ": no such file or directory"));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (output) {
            case json:
                out.print(json(scoreDirs, scores, files, problems));
                break;
            case csv:
                csv(out, scoreDirs, scores, files);
                break;
            default:
                text(out, scoreDirs, scores, files);
        }
        out.flush();
        return problems.report(spec.commandLine());
    }

    /** The benchmark --benchmark names, or null without the option. */
    private MlperfBenchmark named(MlperfCatalog catalog) {
        return benchmark == null ? null : catalog.find(benchmark).orElseThrow(() ->
                new KubebenchException(Failure.INVALID_INPUT, "--benchmark: unknown MLPerf benchmark '" + benchmark
                        + "' (one of " + String.join(", ", catalog.all().stream().map(MlperfBenchmark::name)
                        .toList()) + ")"));
    }

    private FileRun parseFile(Path file, MlperfCatalog catalog, MlperfBenchmark named) throws IOException {
        MlperfBenchmark b = named;
        Path parent = file.toAbsolutePath().normalize().getParent();
        if (b == null && parent != null && parent.getFileName() != null) {
            b = catalog.find(parent.getFileName().toString()).orElse(null);
        }
        List<QualityTarget> targets = b == null ? List.of() : b.targets();
        MllogAccumulator acc = new MllogAccumulator(targets);
        ParseStats stats = new MllogParser().parse(file, acc);
        if (b == null) {
            b = catalog.find(acc.submission("submission_benchmark")).orElse(null);
        }
        MllogRun run = acc.finish(b == null ? List.of() : b.targets(), stats);
        return new FileRun(file, b == null ? null : b.name(), run);
    }

    private static String minutes(double m) {
        return Numbers.fixed(m, 4);
    }

    /** Text from a log or a path as the terminal should show it: control characters escaped. */
    private static String show(Object text) {
        return Printable.escape(String.valueOf(text));
    }

    private static String yesNo(Boolean b) {
        return b == null ? "-" : b ? "yes" : "no";
    }

    private static String number(double v) {
        return Numbers.fixed(v, 1);
    }

    private void text(PrintWriter out, List<Path> dirs, List<MlperfScore> scores, List<FileRun> files) {
        String row = "  %-16s %-8s %10s  %-5s  %-6s  %14s  %s%n";
        for (int i = 0; i < scores.size(); i++) {
            MlperfScore s = scores.get(i);
            out.printf(Locale.ROOT, "%s  (%s%s%s%s)%n", show(dirs.get(i)), s.benchmark(),
                    s.org() == null ? "" : ", " + show(s.org()),
                    s.platform() == null ? "" : ", " + show(s.platform()),
                    s.division() == null ? "" : ", " + show(s.division()));
            out.printf(Locale.ROOT, row, "RUN", "STATUS", "MINUTES", "VALID", "TARGET", "SAMPLES/S", "NOTE");
            for (ScoredRun r : s.runs()) {
                String note = r.valid() ? "" : r.invalidReason();
                out.printf(Locale.ROOT, row, show(r.file()), r.run().outcome().jsonName(), minutes(r.minutes()),
                        r.valid() ? "yes" : "no", yesNo(r.run().targetReached()),
                        number(r.run().throughputSamplesPerS()), note == null ? "" : show(note));
            }
            if (s.scored()) {
                int used = s.runs().size() - s.failedRuns() - s.olympicDrop() - (s.olympicDrop() - s.failedRuns());
                out.printf(Locale.ROOT, "  score: %s minutes (olympic mean %s of %d runs, %d failed%s)%n",
                        minutes(s.scoreMinutes()), minutes(s.olympicMeanMinutes()), used, s.failedRuns(),
                        s.scalingFactor() == 1.0 ? "" : "; x scaling factor " + s.scalingFactor());
            } else {
                out.printf(Locale.ROOT, "  no score: %s%n", show(s.noScoreReason()));
            }
            if (s.ruleset() != null) {
                out.printf(Locale.ROOT, "  compliance: %d of %d runs compliant (rules %s)%n", s.compliantRuns(),
                        s.runs().size(), s.ruleset());
            }
            for (String w : s.warnings()) {
                out.printf(Locale.ROOT, "  warning: %s%n", show(w));
            }
            if (verbose.verbose()) {
                for (ScoredRun r : s.runs()) {
                    ParseStats st = r.run().stats();
                    out.printf(Locale.ROOT, "  %s: %d lines, %d events, %d noise, %d malformed%n", show(r.file()),
                            st.lines(), st.events(), st.noiseLines(), st.malformedLines());
                }
            }
            out.println();
        }
        if (!files.isEmpty()) {
            out.printf(Locale.ROOT, "  %-40s %-10s %-8s %10s  %-5s  %-6s  %14s  %s%n", "FILE", "BENCHMARK", "STATUS",
                    "MINUTES", "VALID", "TARGET", "SAMPLES/S", "NOTE");
            for (FileRun f : files) {
                String note = f.run.valid() ? "" : f.run.invalidReason();
                out.printf(Locale.ROOT, "  %-40s %-10s %-8s %10s  %-5s  %-6s  %14s  %s%n", show(f.file),
                        f.benchmark == null ? "-" : f.benchmark, f.run.outcome().jsonName(),
                        minutes(f.run.minutes()), f.run.valid() ? "yes" : "no", yesNo(f.run.targetReached()),
                        number(f.run.throughputSamplesPerS()), note == null ? "" : show(note));
            }
        }
    }

    private static String json(List<Path> dirs, List<MlperfScore> scores, List<FileRun> files,
                               CollectProblems problems) {
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode ds = root.putArray("directories");
        for (int i = 0; i < scores.size(); i++) {
            MlperfScore s = scores.get(i);
            ObjectNode d = ds.addObject();
            d.put("directory", dirs.get(i).toString());
            d.put("benchmark", s.benchmark());
            d.put("org", s.org());
            d.put("platform", s.platform());
            d.put("division", s.division());
            putNumber(d, "score_minutes", s.scoreMinutes());
            d.put("no_score_reason", s.noScoreReason());
            putNumber(d, "olympic_mean_minutes", s.olympicMeanMinutes());
            d.put("scaling_factor", s.scalingFactor());
            d.put("required_runs", s.requiredRuns());
            d.put("olympic_drop", s.olympicDrop());
            d.put("failed_runs", s.failedRuns());
            CollectProblems.compliance(d, s);
            ArrayNode runs = d.putArray("runs");
            for (ScoredRun r : s.runs()) {
                ObjectNode o = runs.addObject();
                o.put("file", r.file());
                run(o, r.run());
                CollectProblems.compliance(o, r);
            }
            ArrayNode w = d.putArray("warnings");
            s.warnings().forEach(w::add);
        }
        ArrayNode fs = root.putArray("files");
        for (FileRun f : files) {
            ObjectNode o = fs.addObject();
            o.put("file", f.file.toString());
            o.put("benchmark", f.benchmark);
            run(o, f.run);
        }
        problems.json(root);
        return mapper.writeValueAsString(root) + System.lineSeparator();
    }

    private static void run(ObjectNode o, MllogRun run) {
        putNumber(o, "minutes", run.minutes());
        o.put("status", run.outcome().jsonName());
        o.put("valid", run.valid());
        o.put("reason", run.invalidReason());
        if (run.targetReached() == null) {
            o.putNull("target_reached");
        } else {
            o.put("target_reached", run.targetReached());
        }
        putNumber(o, "init_time_s", run.initTimeMs() / 1000.0);
        putNumber(o, "throughput_samples_per_s", run.throughputSamplesPerS());
        if (run.stepTimes() != null) {
            o.put("step_time_p50_ms", run.stepTimes().p50Ms());
            o.put("step_time_p99_ms", run.stepTimes().p99Ms());
        }
        o.put("step_time_rejected_samples", run.stepTimeRejected());
        o.put("noise_lines", run.stats().noiseLines());
        o.put("malformed_lines", run.stats().malformedLines());
    }

    private static void putNumber(ObjectNode o, String name, double v) {
        if (Double.isFinite(v)) {
            o.put(name, v);
        } else {
            o.putNull(name);
        }
    }

    /**
     * RFC 4180 with CRLF; a null cell is written empty and unquoted, also as the first cell of a row; text from the
     * logs ({@code submission_org}, file names) that could run as a spreadsheet formula is neutralized
     * ({@link SafeCsv}).
     */
    private static void csv(PrintWriter out, List<Path> dirs, List<MlperfScore> scores, List<FileRun> files)
            throws IOException {
        SafeCsv csv = new SafeCsv(out, CSVFormat.DEFAULT);
        csv.printRecord("directory", "benchmark", "org", "platform", "file", "status", "valid", "minutes",
                "target_reached", "throughput_samples_per_s", "score_minutes");
        for (int i = 0; i < scores.size(); i++) {
            MlperfScore s = scores.get(i);
            for (ScoredRun r : s.runs()) {
                csv.printRecord(dirs.get(i).toString(), s.benchmark(), s.org(), s.platform(), r.file(),
                        r.run().outcome().jsonName(), Boolean.toString(r.valid()), csvNumber(r.minutes()),
                        csvBool(r.run().targetReached()), csvNumber(r.run().throughputSamplesPerS()),
                        csvNumber(s.scoreMinutes()));
            }
        }
        for (FileRun f : files) {
            csv.printRecord(null, f.benchmark, null, null, f.file.toString(), f.run.outcome().jsonName(),
                    Boolean.toString(f.run.valid()), csvNumber(f.run.minutes()), csvBool(f.run.targetReached()),
                    csvNumber(f.run.throughputSamplesPerS()), null);
        }
    }

    private static String csvNumber(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static String csvBool(Boolean b) {
        return b == null ? "" : b.toString();
    }
}
