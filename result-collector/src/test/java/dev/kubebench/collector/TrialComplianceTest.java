package dev.kubebench.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.catalog.spec.Workload;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.collector.store.RunDirectory;
import dev.kubebench.core.trial.FailureCause;
import dev.kubebench.core.trial.TrialOutcome;
import dev.kubebench.core.trial.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** result.json of a trial that ran an MLPerf catalog benchmark carries the compliance verdict. */
class TrialComplianceTest {
    private static final Path FIXTURES = Path.of("src/test/resources/mlperf-compliance");
    private static final Instant T0 = Instant.parse("2026-11-28T20:00:00Z");
    private static final TrialOutcome OK = new TrialOutcome(TrialState.SUCCEEDED, FailureCause.NONE, null, T0,
            T0.plusSeconds(900));

    private static RunResult collect(Path root, Path log, String workload) throws IOException {
        RunDirectory run = RunDirectory.of(root.resolve("bert-test/20261128-200000-abcdef"));
        run.createTrial(0);
        Files.copy(log, run.logsDir(0).resolve("bert-test-abcdef-0-master-0.log"));
        return new TrialCollector().collect(run, TrialCollectorTest.trial(new Workload(workload, true, List.of()),
                List.of()), OK);
    }

    @Test
    void aMissingHyperparameterIsSaidBeforeSubmission(@TempDir Path root) throws IOException {
        RunResult r = collect(root, FIXTURES.resolve(
                "missing-hyperparameter/4.0/Fixture/fixture-8xgpu/bert/result_0.txt"), "mlperf/bert");
        assertEquals(TrialState.SUCCEEDED, r.status(), "the verdict does not change the trial's status");
        assertEquals("5.0.0", r.labels().get("mlperf_ruleset"));
        assertEquals("false", r.labels().get("mlperf_compliant"));
        assertEquals("Required EXACTLY_ONE occurrence of 'opt_lamb_epsilon' but found 0",
                r.labels().get("mlperf_compliance_error"));
        assertTrue(r.warnings().contains("not MLPerf compliant (rules 5.0.0): Required EXACTLY_ONE occurrence of "
                + "'opt_lamb_epsilon' but found 0"), r.warnings().toString());
    }

    @Test
    void aCompliantLogIsLabelledSo(@TempDir Path root) throws IOException {
        RunResult r = collect(root, FIXTURES.resolve(
                "long-names/4.0/Fixture/fixture-8xgpu/bert/result_5016-240510051637692552790_26.txt"), "mlperf/bert");
        assertEquals("true", r.labels().get("mlperf_compliant"));
        assertNull(r.labels().get("mlperf_compliance_error"));
    }
}
