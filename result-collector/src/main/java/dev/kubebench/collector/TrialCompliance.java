package dev.kubebench.collector;

import dev.kubebench.catalog.mlperf.compliance.ComplianceRules;
import dev.kubebench.catalog.mlperf.compliance.RuleSet;
import dev.kubebench.collector.mllog.MllogAccumulator;
import dev.kubebench.collector.mllog.MllogParser;
import dev.kubebench.collector.mllog.MllogRun;
import dev.kubebench.collector.mllog.ParseStats;
import dev.kubebench.collector.mllog.RunOutcome;
import dev.kubebench.collector.mlperf.compliance.ComplianceRecorder;
import dev.kubebench.collector.mlperf.compliance.ComplianceResult;
import dev.kubebench.collector.mlperf.compliance.MllogVisitors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compliance verdict for a trial that ran an MLPerf catalog benchmark, so that a user learns on their own cluster
 * that a submission would be refused (a required hyperparameter missing...). The rules are those of the newest round
 * that has the benchmark; the log judged is the one the trial's result comes from (the first with a run_stop, else
 * one with a run_start, else the first with events). Recorded as labels and a warning; the trial's status does not
 * change.
 */
final class TrialCompliance {
    private TrialCompliance() {
    }

    /**
     * Adds {@code mlperf_ruleset}, {@code mlperf_compliant} and, when not compliant, {@code mlperf_compliance_error}
     * to the labels, and a warning with the first failed rule.
     */
    static void label(List<Path> logs, String benchmark, Map<String, String> labels, List<String> warnings) {
        ComplianceRules rules = ComplianceRules.standard();
        Optional<RuleSet> round = rules.newestFor(benchmark);
        if (round.isEmpty()) {
            return;
        }
        ComplianceResult best = null;
        int bestRank = 0;
        for (Path log : logs) {
            MllogAccumulator acc = new MllogAccumulator();
            ComplianceRecorder recorder = new ComplianceRecorder(round.get().keys());
            ParseStats stats;
            try {
                stats = new MllogParser().parse(log, MllogVisitors.both(acc, recorder));
            } catch (IOException e) {
                continue; // the collector already warned that the log is unreadable
            }
            if (stats.events() == 0) {
                continue;
            }
            MllogRun run = acc.finish(List.of(), stats);
            int rank = run.outcome() != RunOutcome.KILLED ? 3 : !Double.isNaN(run.runStartMs()) ? 2 : 1;
            if (rank > bestRank) {
                best = recorder.check(round.get(), stats);
                bestRank = rank;
            }
        }
        if (best == null) {
            return;
        }
        labels.put("mlperf_ruleset", best.ruleset());
        labels.put("mlperf_compliant", Boolean.toString(best.compliant()));
        if (!best.compliant()) {
            labels.put("mlperf_compliance_error", best.firstError());
            warnings.add("not MLPerf compliant (rules " + best.ruleset() + "): " + best.firstError());
        }
    }
}
