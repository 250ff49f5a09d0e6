package dev.kubebench.cli;

import dev.kubebench.collector.history.HistoryStore;
import dev.kubebench.core.text.Numbers;
import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.core.metric.Direction;
import dev.kubebench.catalog.spec.Gate;
import dev.kubebench.report.CompareFormat;
import dev.kubebench.report.analysis.compare.CompareSettings;
import dev.kubebench.report.analysis.compare.Comparer;
import dev.kubebench.report.analysis.compare.ComparisonReport;
import dev.kubebench.report.analysis.compare.MetricComparison;
import dev.kubebench.report.analysis.samples.RunSamples;
import dev.kubebench.report.analysis.samples.SampleLoader;
import dev.kubebench.report.analysis.samples.SampleSet;
import dev.kubebench.report.analysis.samples.SampleSets;
import dev.kubebench.report.analysis.samples.StoreSampleLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kubebench compare}: an A/B regression gate between a baseline and a candidate. */
@Command(name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Compare a candidate with a baseline: per metric and sweep point the medians with 95%% confidence "
                + "intervals, their relative change, a two-sided Mann-Whitney U test and a verdict.",
            "A regression needs p < alpha AND a change beyond the threshold in the metric's bad direction. "
                + "Exits 3 when a gated metric regresses."},
        footer = {"", "PATH is a run directory, a results directory, or a directory of raw MLPerf result_*.txt logs;",
            "or, from the PostgreSQL history (--db), db:BENCHMARK@last-good[?label=k=v&label=...] (the newest run",
            "whose gates passed, other than the candidate) or db:BENCHMARK@RUN_ID.",
            "Example: kubebench compare --baseline results/bert/20261101-010000-abc123 --candidate "
                + "results/bert/20261128-010000-def456 --metric time_to_train_s --threshold 5%%",
            "A/B in one run (spec with sweep.variants): kubebench compare results/resnet/20261128-010000-abc123 "
                + "--variants baseline,candidate",
            "", ExitCodes.TABLE})
public final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose;

    @Option(names = "--baseline", arity = "1..*", paramLabel = "PATH",
            description = "Baseline runs (repeat or list several).")
    List<Path> baseline;

    @Option(names = "--candidate", arity = "1..*", paramLabel = "PATH",
            description = "Candidate runs (repeat or list several).")
    List<Path> candidate;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_DIR",
            description = "With --variants: one run directory of a spec with sweep.variants.")
    Path runDir;

    @Option(names = "--variants", split = ",", paramLabel = "BASELINE,CANDIDATE",
            description = "Compare two variants of RUN_DIR (their names in sweep.variants), point by point.")
    List<String> variants;

    @Option(names = "--metric", paramLabel = "NAME",
            description = "Compare and gate only these metrics (repeatable). Default: all metrics; the spec's "
                + "gates decide which fail the run, or all when it has none.")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--threshold", paramLabel = "PERCENT", defaultValue = "5%", converter = Converters.Percent.class,
            description = "Smallest change of the medians that counts (default: ${DEFAULT-VALUE}); a spec gate's "
                + "maxRegression wins for its metric.")
    double thresholdPercent;

    @Option(names = "--alpha", defaultValue = "0.05",
            description = "Significance level of the Mann-Whitney U test (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--confidence", defaultValue = "0.95",
            description = "Confidence level of the median intervals (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--direction", paramLabel = "METRIC=higher|lower",
            description = "Which way a metric improves, overriding the spec and the name-based guess (repeatable).")
    Map<String, Direction> directions = new LinkedHashMap<>();

    @Option(names = "--fail-on-insufficient",
            description = "Also exit 3 when a gated metric has too few samples to decide.")
    boolean failOnInsufficient;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    CompareFormat format;

    @Mixin
    DatabaseMixin db;

    private final SampleLoader loader;

    public CompareCommand() {
        this(SampleLoaders.standard());
    }

    CompareCommand(SampleLoader loader) {
        this.loader = loader;
    }

    @Override
    public Integer call() {
        CompareSettings settings = settings();
        List<RunSamples> baseRuns;
        List<RunSamples> candRuns;
        if (variants != null) {
            checkVariantArguments();
            baseRuns = List.of(StoreSampleLoader.variant(runDir, variants.get(0)));
            candRuns = List.of(StoreSampleLoader.variant(runDir, variants.get(1)));
        } else {
            if (baseline == null || candidate == null || runDir != null) {
                throw new ParameterException(spec.commandLine(), "give --baseline PATH and --candidate PATH, or "
                        + "RUN_DIR with --variants BASELINE,CANDIDATE");
            }
            if (baseline.stream().anyMatch(p -> HistorySamples.isReference(p.toString()))) {
                // last-good must not be the candidate itself when the candidate was pushed already
                candRuns = load(candidate, List.of());
                baseRuns = load(baseline, candRuns.stream().map(RunSamples::runId).toList());
            } else {
                baseRuns = load(baseline, List.of());
                candRuns = load(candidate, List.of());
            }
            warnSameRuns(baseRuns, candRuns);
        }
        List<Gate> gates = new ArrayList<>();
        baseRuns.forEach(r -> gates.addAll(r.gates()));
        candRuns.forEach(r -> gates.addAll(r.gates()));
        Set<String> gated = new LinkedHashSet<>(metrics);
        if (gated.isEmpty()) {
            gates.forEach(g -> gated.add(g.metric()));
        }
        settings = new CompareSettings(settings.alpha(), settings.confidence(), settings.thresholdPercent(),
                settings.gates(), settings.directions(), gated).withGates(gates);
        List<SampleSet> base = SampleSets.pool(baseRuns);
        List<SampleSet> cand = SampleSets.pool(candRuns);
        checkMetricsPresent(base, cand);
        base = filter(base);
        cand = filter(cand);
        ComparisonReport report = new Comparer(settings).compare(base, cand);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.renderer().render(report));
        out.flush();
        List<MetricComparison> failures = report.failures(failOnInsufficient);
        if (!failures.isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (MetricComparison f : failures) {
                lines.add(String.format(Locale.ROOT, "gate failed: %s %s (%+.2f%%, p=%.3g, threshold %s%%)%s",
                        f.label(), f.verdict().label(), f.changePercent(), f.pValue(),
                        Numbers.plain(f.thresholdPercent()),
                        f.note().isEmpty() ? "" : ": " + f.note()));
            }
            throw new KubebenchException(Failure.GATE_FAILED, lines, null);
        }
        return ExitCodes.OK;
    }

    private void checkVariantArguments() {
        if (runDir == null || baseline != null || candidate != null) {
            throw new ParameterException(spec.commandLine(), "--variants compares inside one run: give RUN_DIR and "
                    + "no --baseline or --candidate");
        }
        if (variants.size() != 2 || variants.get(0).equals(variants.get(1))) {
            throw new ParameterException(spec.commandLine(), "--variants needs two different variant names, e.g. "
                    + "--variants baseline,candidate; got " + String.join(",", variants));
        }
    }

    private CompareSettings settings() {
        if (!(alpha > 0 && alpha < 1)) {
            throw new KubebenchException(Failure.INVALID_INPUT, "--alpha must be between 0 and 1, got " + alpha);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new KubebenchException(Failure.INVALID_INPUT,
                    "--confidence must be between 0 and 1, got " + confidence);
        }
        return new CompareSettings(alpha, confidence, thresholdPercent, List.of(), directions, Set.of());
    }

    /** Runs from paths and {@code db:} references; {@code candidates} never count as a baseline's last-good. */
    private List<RunSamples> load(List<Path> paths, List<String> candidates) {
        List<RunSamples> runs = new ArrayList<>();
        HistoryStore store = null;
        try {
            for (Path p : paths) {
                if (HistorySamples.isReference(p.toString())) {
                    store = store == null ? db.open() : store;
                    runs.addAll(HistorySamples.resolve(store, p.toString(), candidates));
                } else {
                    runs.addAll(loader.load(p));
                }
            }
        } finally {
            if (store != null) {
                store.close();
            }
        }
        return runs;
    }

    /**
     * Says on stderr when a run is on both sides (the same path given twice, or a run inside a results directory
     * given as the other side): it cannot differ from itself, so such a comparison hides a change.
     */
    private void warnSameRuns(List<RunSamples> baseRuns, List<RunSamples> candRuns) {
        Set<String> base = new LinkedHashSet<>();
        baseRuns.forEach(r -> base.add(where(r.source())));
        Set<String> both = new LinkedHashSet<>();
        candRuns.forEach(r -> {
            if (base.contains(where(r.source()))) {
                both.add(r.source());
            }
        });
        PrintWriter err = spec.commandLine().getErr();
        for (String source : both) {
            err.println(spec.commandLine().getColorScheme().errorText("warning: ").toString() + source
                    + " is both baseline and candidate: a run compared with itself shows no change");
        }
        err.flush();
    }

    /** A run's source as one spelling: a path's real path when it exists, a db: reference as it is. */
    private static String where(String source) {
        if (HistorySamples.isReference(source)) {
            return source;
        }
        try {
            Path p = Path.of(source);
            return (Files.exists(p) ? p.toRealPath() : p.toAbsolutePath().normalize()).toString();
        } catch (IOException | InvalidPathException e) {
            return source;
        }
    }

    private List<SampleSet> filter(List<SampleSet> sets) {
        if (metrics.isEmpty()) {
            return sets;
        }
        List<SampleSet> out = new ArrayList<>();
        for (SampleSet s : sets) {
            if (metrics.contains(s.metric())) {
                out.add(s);
            }
        }
        return out;
    }

    private void checkMetricsPresent(List<SampleSet> base, List<SampleSet> cand) {
        if (base.isEmpty() && cand.isEmpty()) {
            throw new KubebenchException(Failure.INVALID_INPUT,
                    "no metrics from succeeded trials found in the baseline or the candidate");
        }
        Set<String> found = new TreeSet<>();
        base.forEach(s -> found.add(s.metric()));
        cand.forEach(s -> found.add(s.metric()));
        for (String m : metrics) {
            if (!found.contains(m)) {
                throw new KubebenchException(Failure.INVALID_INPUT, "metric '" + m
                        + "' not found in the baseline or the candidate (found: " + String.join(", ", found) + ")");
            }
        }
    }
}
