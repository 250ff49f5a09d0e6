package dev.kubebench.collector.mlperf;

import dev.kubebench.catalog.mlperf.MlperfBenchmark;
import dev.kubebench.catalog.mlperf.MlperfCatalog;
import dev.kubebench.catalog.mlperf.compliance.ComplianceRules;
import dev.kubebench.catalog.mlperf.compliance.RuleSet;
import dev.kubebench.catalog.spec.QualityTarget;
import dev.kubebench.collector.mllog.MllogAccumulator;
import dev.kubebench.collector.mllog.MllogParser;
import dev.kubebench.collector.mllog.MllogRun;
import dev.kubebench.collector.mllog.ParseStats;
import dev.kubebench.collector.mllog.SubmissionInfo;
import dev.kubebench.collector.mlperf.compliance.ComplianceRecorder;
import dev.kubebench.collector.mlperf.compliance.ComplianceResult;
import dev.kubebench.collector.mlperf.compliance.MllogVisitors;
import dev.kubebench.collector.mlperf.compliance.Rounds;
import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Scores a directory of run logs as the MLCommons result summarizer does, optionally checking every log against the
 * compliance rules of its round in the same parse (a run that fails them does not count, as with the summarizer).
 */
public final class DirectoryScoring {

    /**
     * How to score.
     *
     * @param check   run the compliance check
     * @param ruleset the round's rules to check against ({@code 4.0.0}), or null to detect them from the path and logs
     */
    public record Options(boolean check, String ruleset) {
        /** @throws KubebenchException INVALID_INPUT when there are no rules for {@code ruleset} */
        public Options {
            if (check && ruleset != null) {
                Rounds.named(ComplianceRules.standard(), ruleset);
            }
        }

        /** Score without the compliance check. */
        public static final Options NO_CHECK = new Options(false, null);
        /** Score with the compliance check, the round detected. */
        public static final Options CHECK = new Options(true, null);
    }

    private DirectoryScoring() {
    }

    /**
     * Parses every run log of {@code dir} and scores them.
     *
     * @throws KubebenchException INVALID_INPUT when the benchmark is unknown, scaling.json is unreadable or the
     *                            ruleset asked for does not exist
     */
    public static MlperfScore score(Path dir, MlperfCatalog catalog, Options options) throws IOException {
        ComplianceRules rules = ComplianceRules.standard();
        SubmissionDirectory.RunLogs logs = SubmissionDirectory.runLogs(dir);
        List<Path> files = logs.files();
        Path abs = dir.toAbsolutePath().normalize();
        String pathBenchmark = SubmissionDirectory.name(abs, 0);
        MlperfBenchmark benchmark = catalog.find(pathBenchmark).orElse(null);
        // the round is known before parsing when the option, the path or the directory's name says it; only
        // otherwise do the logs decide (and every round's keys are recorded until then)
        Optional<RuleSet> round = !options.check() ? Optional.empty()
                : options.ruleset() != null ? Optional.of(Rounds.named(rules, options.ruleset()))
                : Rounds.detect(rules, dir, benchmark == null ? null : benchmark.name());
        Set<String> keys = !options.check() ? Set.of() : round.map(RuleSet::keys).orElseGet(rules::keys);

        List<ScoredRun> runs = new ArrayList<>();
        List<String> notes = new ArrayList<>(logs.skipped());
        SubmissionInfo info = SubmissionInfo.NONE;
        for (Path f : files) {
            List<QualityTarget> known = benchmark == null ? List.of() : benchmark.targets();
            MllogAccumulator acc = new MllogAccumulator(known);
            ComplianceRecorder recorder = options.check() ? new ComplianceRecorder(keys) : null;
            ParseStats stats = new MllogParser().parse(f, recorder == null ? acc : MllogVisitors.both(acc, recorder));
            if (benchmark == null) {
                benchmark = catalog.find(acc.submission("submission_benchmark")).orElse(null);
            }
            MllogRun run = acc.finish(benchmark == null ? List.of() : benchmark.targets(), stats);
            if (info == SubmissionInfo.NONE) {
                info = run.submission();
            }
            if (recorder != null && round.isEmpty()) {
                String named = acc.submission("submission_benchmark");
                round = Rounds.detect(rules, dir, SubmissionInfo.isPlaceholder(named) ? pathBenchmark : named);
            }
            ComplianceResult compliance = recorder == null ? null : round.map(r -> recorder.check(r, stats))
                    .orElse(null);
            runs.add(new ScoredRun(f.getFileName().toString(), run, compliance));
        }
        if (benchmark == null) {
            throw new KubebenchException(Failure.INVALID_INPUT, dir + ": unknown MLPerf benchmark '"
                    + (info.benchmark() == null ? pathBenchmark : info.benchmark())
                    + "' (neither the directory name nor submission_benchmark names one of "
                    + String.join(", ", catalog.all().stream().map(MlperfBenchmark::name).toList()) + ")");
        }
        if (options.check() && round.isEmpty()) {
            notes.add("compliance not checked: no rules for " + benchmark.name() + " in rounds "
                    + String.join(", ", rules.rulesets()) + " (use --ruleset)");
        }
        SubmissionInfo id = info.withFallback(benchmark.name(), SubmissionDirectory.name(abs, 2),
                SubmissionDirectory.name(abs, 1));
        MlperfScore score = MlperfScorer.score(benchmark, id.org(), id.platform(), id.division(), runs,
                SubmissionDirectory.scalingFactor(dir));
        if (notes.isEmpty()) {
            return score;
        }
        List<String> warnings = new ArrayList<>(score.warnings());
        warnings.addAll(notes);
        return new MlperfScore(score.benchmark(), score.org(), score.platform(), score.division(), score.runs(),
                score.requiredRuns(), score.olympicDrop(), score.failedRuns(), score.olympicMeanMinutes(),
                score.scalingFactor(), score.scoreMinutes(), score.noScoreReason(), warnings);
    }
}
