package dev.kubebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.collector.result.RunResult;
import dev.kubebench.collector.store.RunDirectory;
import dev.kubebench.report.analysis.samples.RunSamples;
import dev.kubebench.report.analysis.samples.StoreSampleLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Warm-up, adaptive repetitions and variants end to end: {@code kubebench run --local}, then compare. */
class ExperimentDesignRunTest {
    @TempDir
    Path results;

    private static String resource(String name) {
        return Path.of(System.getProperty("kubebench.root"), "kubebench-cli/src/test/resources/run", name).toString();
    }

    private RunDirectory onlyRun(String benchmark) throws IOException {
        try (Stream<Path> runs = Files.list(results.resolve(benchmark))) {
            return RunDirectory.of(runs.filter(Files::isDirectory).findFirst().orElseThrow());
        }
    }

    @Test
    void adaptiveRepetitionsStopAtMinAndWarmupStaysOutOfTheStatistics() throws IOException {
        CliRun run = CliRun.of("run", resource("adaptive.yaml"), "--local", "--results-dir", results.toString(),
                "--set", "parameters.counter=" + results.resolve("counter"));
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("2 trials, throughput_samples_per_s CI width 0.0% (target 50%) at 50% coverage,"
                + " stopped: target reached after 2 of at most 6"), run.out());
        RunDirectory dir = onlyRun("adaptive");
        List<RunResult> all = dir.readResults();
        assertEquals(3, all.size(), "one warm-up and two measured trials; four were not needed");
        assertTrue(all.get(0).warmup());
        assertEquals(10.0, all.get(0).metric("throughput_samples_per_s"));
        assertTrue(Files.readString(dir.resultJson(0)).contains("\"warmup\" : true"));
        assertFalse(Files.readString(dir.resultJson(1)).contains("warmup"));
        List<String> csv = Files.readAllLines(dir.path().resolve("results.csv"));
        assertEquals(3, csv.size(), "header and the two measured trials: " + csv);
        assertFalse(String.join("\n", csv).contains(",10,"), "the warm-up's throughput is not a measured row");
        assertTrue(Files.readString(dir.path().resolve("points.csv")).contains("1000"));
        assertTrue(Files.readString(dir.summaryJson()).contains("\"trials_skipped\" : 4"));
        // compare and trend read their samples through the store loader: the warm-up is not among them
        List<RunSamples> samples = new StoreSampleLoader().load(dir.path());
        assertEquals(2, samples.get(0).observations().stream()
                .filter(o -> o.metric().equals("throughput_samples_per_s")).count());
    }

    @Test
    void interleavedVariantsRunAndCompareInsideOneRun() throws IOException {
        CliRun run = CliRun.of("run", resource("variants.yaml"), "--local", "--no-report", "--results-dir",
                results.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        RunDirectory dir = onlyRun("variants");
        List<RunResult> all = dir.readResults();
        assertEquals(8, all.size());
        assertEquals(List.of("baseline", "candidate", "baseline", "candidate"), all.subList(0, 4).stream()
                .map(r -> String.valueOf(r.point().get("variant"))).toList(), "interleaved by default");
        CliRun compare = CliRun.of("compare", dir.path().toString(), "--variants", "baseline,candidate",
                "--metric", "throughput_samples_per_s");
        assertEquals(ExitCodes.GATE_FAILED, compare.exitCode(), compare.out() + compare.err());
        assertTrue(compare.out().contains("-50"), compare.out());
        CliRun same = CliRun.of("compare", dir.path().toString(), "--variants", "baseline,baseline");
        assertEquals(ExitCodes.USAGE, same.exitCode(), same.out() + same.err());
    }
}
