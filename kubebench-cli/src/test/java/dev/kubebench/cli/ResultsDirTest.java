package dev.kubebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where results go when {@code --results-dir} or {@code report -o} is unusable: an empty name or a regular file is bad
 * input (exit 2), a read-only or full file system is infrastructure (exit 4, and not a workload failure). Read-only
 * and full file systems are real mounts (a tmpfs) in a user and mount namespace ({@code unshare}), skipped where the
 * kernel does not allow one.
 */
class ResultsDirTest {
    private static final Path ROOT = Path.of(System.getProperty("kubebench.root"));

    @TempDir
    Path tmp;

    @Test
    void emptyOrBlankResultsDirIsAUsageErrorAndWritesNothing() {
        for (String empty : List.of("", "   ")) {
            CliRun run = CliRun.of("run", quick(), "--local", "--results-dir", empty);
            assertEquals(ExitCodes.USAGE, run.exitCode(), run.out() + run.err());
            assertTrue(run.err().startsWith("error: --results-dir must name a directory, got '" + empty + "'"),
                    run.err());
            assertFalse(run.err().contains("Exception"), run.err());
            assertFalse(Files.exists(Path.of("quick")), "nothing written into the current directory");
            assertFalse(Files.exists(Path.of(empty, "quick")), "nothing written into the current directory");
        }
    }

    @Test
    void resultsDirThatIsAFileIsAUsageError() throws IOException {
        Path file = Files.writeString(tmp.resolve("results"), "not a directory");
        CliRun run = CliRun.of("run", quick(), "--local", "--results-dir", file.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().startsWith("error: --results-dir " + file + ": not a directory"), run.err());
        assertEquals("not a directory", Files.readString(file));
    }

    @Test
    void reportIntoAnExistingFileIsAUsageError() throws IOException {
        CliRun ran = CliRun.of("run", quick(), "--local", "--no-report", "--results-dir", tmp.toString());
        assertEquals(ExitCodes.OK, ran.exitCode(), ran.out() + ran.err());
        Path runDir;
        try (var runs = Files.list(tmp.resolve("quick"))) {
            runDir = runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Path file = Files.writeString(tmp.resolve("existing.html"), "keep me");
        CliRun report = CliRun.of("report", runDir.toString(), "-o", file.toString());
        assertEquals(ExitCodes.USAGE, report.exitCode(), report.out() + report.err());
        assertTrue(report.err().startsWith("error: -o/--output-dir '" + file + "': a file, not a directory"),
                report.err());
        assertEquals("keep me", Files.readString(file));
    }

    @Test
    void readOnlyResultsDirExitsFourInOneLine() throws Exception {
        Path results = Files.createDirectories(tmp.resolve("ro"));
        Outcome o = runInNamespace("mount -t tmpfs -o ro,size=1m tmpfs " + results, quick(), results);
        assertEquals(ExitCodes.INFRASTRUCTURE, o.exitCode(), o.output());
        assertTrue(o.output().contains("error: cannot create a run directory under " + results + ": "), o.output());
        assertTrue(o.output().contains("Read-only file system"), o.output());
        assertFalse(o.output().contains("Exception"), o.output());
    }

    @Test
    void fullDiskWhileWritingResultsExitsFourAndIsNoWorkloadFailure() throws Exception {
        Path results = Files.createDirectories(tmp.resolve("full"));
        // a workload that fills the results file system and then succeeds: writing its result.json hits ENOSPC
        Path spec = Files.writeString(tmp.resolve("filler.yaml"), """
                apiVersion: kubebench.dev/v1alpha1
                kind: Benchmark
                metadata: {name: filler}
                spec:
                  workload: {name: filler, metric: throughput_samples_per_s, direction: higher}
                  job:
                    kind: Job
                    image: busybox
                    command: [sh, -c, "dd if=/dev/zero of=%s/ballast bs=64k 2>/dev/null; exit 0"]
                    replicas: {Worker: 1}
                  repetitions: 1
                  timeout: 1m
                """.formatted(results));
        Outcome o = runInNamespace("mount -t tmpfs -o size=2m tmpfs " + results, spec.toString(), results);
        assertEquals(ExitCodes.INFRASTRUCTURE, o.exitCode(), o.output());
        assertTrue(o.output().contains("No space left on device"), o.output());
        assertFalse(o.output().contains("Exception"), o.output());
        assertFalse(o.output().contains("\tat "), o.output());
    }

    private record Outcome(int exitCode, String output) {
    }

    /** {@code kubebench run SPEC --local --results-dir RESULTS} in a new mount namespace after {@code mount}. */
    private Outcome runInNamespace(String mount, String spec, Path results) throws Exception {
        assumeTrue(unshareWorks(), "no user and mount namespaces here (unshare --user --map-root-user --mount)");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of("unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
                mount + " && exec \"$0\" \"$@\"", java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", spec, "--local", "--no-report", "--results-dir", results.toString()));
        Path output = tmp.resolve("output.txt");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the run ends");
        } finally {
            p.destroyForcibly();
        }
        return new Outcome(p.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private static boolean unshareWorks() {
        try {
            return new ProcessBuilder("unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
                    "mount -t tmpfs tmpfs /mnt").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String quick() {
        return ROOT.resolve("kubebench-cli/src/test/resources/run/quick.yaml").toString();
    }
}
