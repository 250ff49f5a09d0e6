package dev.kubebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.collector.store.ResultsStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Careless specs stop at validation in every command (exit 2, nothing run), and a run that breaks after its directory
 * exists still records a final state (issue 12 items 4, 5).
 */
class CarelessRunTest {
    @TempDir
    Path tmp;

    private Path spec(String sweepOrEnv, String command) throws IOException {
        return Files.writeString(tmp.resolve("careless.yaml"), """
                apiVersion: kubebench.dev/v1alpha1
                kind: Benchmark
                metadata: {name: careless}
                spec:
                  workload: {name: careless, metric: throughput_samples_per_s, direction: higher}
                  job:
                    kind: Job
                    image: busybox
                    command: [sh, -c, "%s"]
                    replicas: {Worker: 1}
                %s
                  parameters: {a: 1, b: 2}
                  repetitions: 1
                  timeout: 1m
                """.formatted(command, sweepOrEnv));
    }

    @Test
    void unequalZipListsExitTwoInValidateRenderAndRun() throws IOException {
        Path spec = spec("  sweep: {zip: {a: [1, 2, 3], b: [1]}}", "echo {{ .a }} {{ .b }}");
        Path results = tmp.resolve("results");
        for (String[] argv : List.of(new String[] {"validate", spec.toString()},
                new String[] {"render", spec.toString()},
                new String[] {"run", spec.toString(), "--local", "--results-dir", results.toString()})) {
            CliRun run = CliRun.of(argv);
            assertEquals(ExitCodes.USAGE, run.exitCode(), argv[0] + ": " + run.out() + run.err());
            assertTrue(run.err().contains("careless.yaml:11:34: spec.sweep.zip.b: has 1 values but 'a' has 3; "
                    + "zip lists must have the same length"), argv[0] + ": " + run.err());
            assertFalse(run.err().contains("Exception"), run.err());
        }
        assertFalse(Files.exists(results), "nothing ran");
    }

    @Test
    void aNulInAnEnvValueIsAValidationErrorNotARunFailure() throws IOException {
        Path spec = spec("    env: {X: \"a\\0b\"}", "echo $X");
        Path results = tmp.resolve("results");
        CliRun run = CliRun.of("run", spec.toString(), "--local", "--results-dir", results.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("careless.yaml:11:14: spec.job.env.X: contains a NUL character"), run.err());
        assertFalse(Files.exists(results), "nothing ran");
    }

    @Test
    void anErrorAfterTheRunDirectoryExistsIsRecordedAsTheRunsFinalState() throws IOException {
        // the workload puts a directory where its trial's result.json goes: writing the result fails after the run
        // directory exists, and the run must not stay "running"
        Path spec = spec("", "mkdir $(KUBEBENCH_FILES_DIR)/../result.json");
        Path results = tmp.resolve("results");
        CliRun run = CliRun.of("run", spec.toString(), "--local", "--no-report", "--results-dir", results.toString());
        assertEquals(ExitCodes.INFRASTRUCTURE, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().startsWith("error: could not write the result of trial 0 into "), run.err());
        Path runDir;
        try (Stream<Path> s = Files.list(results.resolve("careless"))) {
            runDir = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        String summary = Files.readString(runDir.resolve("summary.json"));
        assertTrue(summary.contains("\"status\" : \"failed\""), summary);
        assertTrue(summary.contains("\"reason\" : \"could not write the result of trial 0"), summary);
        assertTrue(summary.contains("\"exit_code\" : 4"), summary);
        assertEquals("failed", new ResultsStore(results).runs("careless").get(0).status());
        assertFalse(Files.exists(runDir.resolve(ResultsStore.RUN_LOCK)), "the run's lock is released");
    }
}
