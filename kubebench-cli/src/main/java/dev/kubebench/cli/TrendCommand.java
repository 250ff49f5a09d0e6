package dev.kubebench.cli;

import dev.kubebench.collector.history.HistoryStore;
import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.core.metric.Direction;
import dev.kubebench.report.analysis.samples.RunSamples;
import dev.kubebench.report.analysis.samples.SampleLoader;
import dev.kubebench.report.analysis.trend.ChangePointSettings;
import dev.kubebench.report.analysis.trend.TrendAnalyzer;
import dev.kubebench.report.json.TrendJson;
import dev.kubebench.report.text.TrendText;
import dev.kubebench.report.analysis.trend.TrendResult;
import dev.kubebench.report.analysis.trend.TrendSeries;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kubebench trend}: change points over the history of runs. */
@Command(name = "trend",
        mixinStandardHelpOptions = true,
        description = {
            "Find change points in the history of runs (ordered by start time): E-divisive means with a Student "
                + "t-test significance check, as Apache Otava does, each with the means before and after.",
            "With --gate, exits 3 when the newest segment is worse than the one before by more than the threshold."},
        footer = {"", "Example: kubebench trend results/bert --metric time_to_train_s --gate",
            "         kubebench trend --db postgresql://ci@db/kubebench --benchmark bert --label branch=main --since 90d",
            "", ExitCodes.TABLE})
public final class TrendCommand implements Callable<Integer> {
    enum Format {
        TEXT,
        JSON
    }

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose;

    @Parameters(arity = "0..*", paramLabel = "RESULTS_DIR",
            description = "Results directory (or several run directories) holding the history; or, instead, "
                    + "--benchmark NAME to read the PostgreSQL history (--db).")
    List<Path> paths = new ArrayList<>();

    @Mixin
    DatabaseMixin db;

    @Mixin
    HistoryFilterMixin filter;

    @Option(names = "--metric", paramLabel = "NAME", description = "Analyse only these metrics (repeatable).")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--gate", description = "Exit 3 when the newest segment of a metric is a regression.")
    boolean gate;

    @Option(names = "--threshold", paramLabel = "PERCENT", defaultValue = "5%", converter = Converters.Percent.class,
            description = "Smallest change of the newest segment that fails --gate (default: ${DEFAULT-VALUE}).")
    double thresholdPercent;

    @Option(names = "--p-value", defaultValue = "0.001",
            description = "Largest t-test p-value of a kept change point (default: ${DEFAULT-VALUE}, as Otava).")
    double pValue;

    @Option(names = "--window", defaultValue = "50",
            description = "Sliding window length of the E-divisive split (default: ${DEFAULT-VALUE}, as Otava).")
    int window;

    @Option(names = "--magnitude", defaultValue = "0", paramLabel = "FRACTION",
            description = "Smallest kept |after/before - 1| (default: ${DEFAULT-VALUE}, as Otava).")
    double magnitude;

    @Option(names = "--direction", paramLabel = "METRIC=higher|lower",
            description = "Which way a metric improves, overriding the spec and the name-based guess (repeatable).")
    Map<String, Direction> directions = new LinkedHashMap<>();

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    private final SampleLoader loader;

    public TrendCommand() {
        this(SampleLoaders.standard());
    }

    TrendCommand(SampleLoader loader) {
        this.loader = loader;
    }

    @Override
    public Integer call() {
        ChangePointSettings settings;
        try {
            settings = new ChangePointSettings(pValue, window, magnitude);
        } catch (IllegalArgumentException e) {
            throw new KubebenchException(Failure.INVALID_INPUT, e.getMessage());
        }
        List<RunSamples> runs = loadRuns();
        List<TrendSeries> series = TrendSeries.of(runs, directions);
        TreeSet<String> available = new TreeSet<>();
        series.forEach(s -> available.add(s.metric()));
        for (String m : metrics) {
            if (!available.contains(m)) {
                throw new KubebenchException(Failure.INVALID_INPUT, "metric '" + m + "' not found in the history"
                        + " (found: " + String.join(", ", available) + ")");
            }
        }
        if (!metrics.isEmpty()) {
            series = series.stream().filter(s -> metrics.contains(s.metric())).toList();
        }
        if (series.isEmpty()) {
            throw new KubebenchException(Failure.INVALID_INPUT, "no metrics from succeeded trials in "
                    + (paths.isEmpty() ? "the history of " + filter.benchmark : paths));
        }
        List<TrendResult> results = new TrendAnalyzer(settings, thresholdPercent).analyze(series);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.JSON ? TrendJson.render(results, settings)
                : TrendText.render(results, settings));
        out.flush();
        if (gate) {
            List<String> failures = new ArrayList<>();
            for (TrendResult r : results) {
                if (r.regression()) {
                    failures.add(String.format(Locale.ROOT, "gate failed: %s regressed %+.2f%% since run %s",
                            r.series().label(), r.newestChangePercent(),
                            r.series().runIds().get(r.changePoints().get(r.changePoints().size() - 1).index())));
                }
            }
            if (!failures.isEmpty()) {
                throw new KubebenchException(Failure.GATE_FAILED, failures, null);
            }
        }
        return ExitCodes.OK;
    }

    /** Runs from the paths, or from the PostgreSQL history when no path but --benchmark is given. */
    private List<RunSamples> loadRuns() {
        boolean fromHistory = db.given() || filter.benchmark != null || !filter.labels.isEmpty()
                || filter.since != null;
        if (!paths.isEmpty() && fromHistory) {
            throw new KubebenchException(Failure.INVALID_INPUT,
                    "give either RESULTS_DIR or --db/--benchmark/--label/--since, not both");
        }
        List<RunSamples> runs = new ArrayList<>();
        if (paths.isEmpty()) {
            if (filter.benchmark == null) {
                throw new KubebenchException(Failure.INVALID_INPUT,
                        "give a RESULTS_DIR, or --benchmark NAME to read the history database (--db)");
            }
            try (HistoryStore store = db.open()) {
                runs.addAll(HistorySamples.trend(store, filter.query(Clock.systemUTC())));
            }
            return runs;
        }
        for (Path p : paths) {
            runs.addAll(loader.load(p));
        }
        return runs;
    }
}
