package dev.kubebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.core.metric.Direction;
import dev.kubebench.catalog.spec.Gate;
import dev.kubebench.report.analysis.samples.Observation;
import dev.kubebench.report.analysis.samples.RunSamples;
import dev.kubebench.report.analysis.samples.SampleLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compare and trend commands over in-memory runs (loading real directories is tested separately). */
class CompareCommandTest {
    private static final double[] TTT = {1510, 1495, 1532, 1488, 1521, 1503, 1499, 1540, 1512, 1507};

    /** A test double: each path name maps to runs with per-trial time_to_train_s scaled by a factor. */
    static SampleLoader loader(Map<String, Double> factors, int trials, List<Gate> gates) {
        return path -> {
            Double f = factors.get(path.toString());
            if (f == null) {
                throw new KubebenchException(Failure.INVALID_INPUT, path + ": not a run directory");
            }
            List<Observation> obs = new ArrayList<>();
            for (int i = 0; i < trials; i++) {
                obs.add(new Observation("time_to_train_s", "", TTT[i] * f, null));
                obs.add(new Observation("throughput_samples_per_s", "", 1e6 / (TTT[i] * f), null));
            }
            return List.of(new RunSamples(path.toString(), Instant.EPOCH, path.toString(), obs, gates));
        };
    }

    private static CliRun compare(SampleLoader loader, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "compare";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.with(new CompareCommand(loader), all);
    }

    private final SampleLoader loader = loader(Map.of("base", 1.0, "same", 1.0, "slow10", 1.10, "slow1", 1.01),
            10, List.of());

    @Test
    void selfComparisonExitsZero() {
        CliRun run = compare(loader, "--baseline", "base", "--candidate", "same", "--metric", "time_to_train_s");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("time_to_train_s (lower is better)"), run.out());
    }

    @Test
    void tenPercentSlowerExitsThree() {
        CliRun run = compare(loader, "--baseline", "base", "--candidate", "slow10", "--metric", "time_to_train_s");
        assertEquals(3, run.exitCode(), run.out());
        assertTrue(run.err().startsWith("error: gate failed: time_to_train_s regression (+10.00%"), run.err());
    }

    @Test
    void onePercentSlowerWithinFivePercentThresholdExitsZero() {
        CliRun run = compare(loader, "--baseline", "base", "--candidate", "slow1", "--threshold", "5%",
                "--metric", "time_to_train_s");
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void ungatedMetricsDoNotFailButGatesFromTheSpecDo() {
        // without --metric and without gates every metric is gated: throughput dropped 9 %
        assertEquals(3, compare(loader, "--baseline", "base", "--candidate", "slow10").exitCode());
        // a spec gate on throughput with a 20 % allowance: nothing fails
        SampleLoader gated = loader(Map.of("base", 1.0, "slow10", 1.10), 10,
                List.of(new Gate("throughput_samples_per_s", Direction.HIGHER, 20)));
        assertEquals(0, compare(gated, "--baseline", "base", "--candidate", "slow10").exitCode());
    }

    @Test
    void insufficientDataPassesUnlessStrict() {
        SampleLoader few = loader(Map.of("base", 1.0, "slow10", 1.10), 3, List.of());
        CliRun lenient = compare(few, "--baseline", "base", "--candidate", "slow10", "--metric", "time_to_train_s");
        assertEquals(0, lenient.exitCode());
        assertTrue(lenient.out().contains("need 1 more baseline run and 1 more candidate run"), lenient.out());
        CliRun strict = compare(few, "--baseline", "base", "--candidate", "slow10", "--metric", "time_to_train_s",
                "--fail-on-insufficient");
        assertEquals(3, strict.exitCode());
    }

    @Test
    void junitOutputAndDirectionOverride() {
        CliRun run = compare(loader, "--baseline", "base", "--candidate", "slow10", "-o", "junit",
                "--direction", "time_to_train_s=higher", "--metric", "time_to_train_s");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("<testsuite name=\"kubebench compare\" tests=\"1\" failures=\"0\""), run.out());
    }

    @Test
    void usageErrors() {
        CliRun unknown = compare(loader, "--baseline", "base", "--candidate", "same", "--metric", "nope");
        assertEquals(2, unknown.exitCode());
        assertEquals("error: metric 'nope' not found in the baseline or the candidate (found: "
                + "throughput_samples_per_s, time_to_train_s)", unknown.err().strip());
        assertEquals(2, compare(loader, "--baseline", "missing", "--candidate", "same").exitCode());
        assertEquals(2, compare(loader, "--baseline", "base", "--candidate", "same", "--alpha", "2").exitCode());
        assertEquals(2, compare(loader, "--baseline", "base").exitCode());
        assertEquals(2, compare(loader, "--baseline", "base", "--candidate", "same", "--threshold", "x").exitCode());
    }

    @Test
    void trendGateOverAHistory() {
        // 30 runs at the base level, then 10 at +8 %: one change point at run 30, a regression
        SampleLoader history = path -> {
            List<RunSamples> runs = new ArrayList<>();
            for (int r = 0; r < 40; r++) {
                double f = r >= 30 ? 1.08 : 1.0;
                List<Observation> obs = List.of(new Observation("time_to_train_s", "", TTT[r % 10] * f, null));
                runs.add(new RunSamples("run-" + r, Instant.EPOCH.plusSeconds(r), path.toString(), obs, null));
            }
            return runs;
        };
        CliRun report = CliRun.with(new TrendCommand(history), "trend", "results");
        assertEquals(0, report.exitCode(), report.err());
        assertTrue(report.out().contains("change at run 30 (run-30)"), report.out());
        CliRun gate = CliRun.with(new TrendCommand(history), "trend", "results", "--gate");
        assertEquals(3, gate.exitCode());
        assertTrue(gate.err().contains("gate failed: time_to_train_s regressed +"), gate.err());
        CliRun loose = CliRun.with(new TrendCommand(history), "trend", "results", "--gate", "--threshold", "10%");
        assertEquals(0, loose.exitCode());
        CliRun json = CliRun.with(new TrendCommand(history), "trend", "results", "-o", "json", "--metric",
                "time_to_train_s");
        assertTrue(json.out().contains("\"changePoints\""), json.out());
    }
}
