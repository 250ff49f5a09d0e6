package dev.kubebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.collector.store.ResultsStore;
import dev.kubebench.collector.store.RunEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubebench run} as a real child process ({@link Main}), interrupted by SIGINT or SIGTERM at delays from 0.1 s
 * after launch (before, while and after the run directory is created): it exits 130, and a run directory, once it
 * exists, ends with summary.json and its index entry in a final state. A run killed by SIGKILL is shown as
 * {@code abandoned} afterwards.
 */
class RunInterruptTest {
    private static final Path ROOT = Path.of(System.getProperty("kubebench.root"));
    /** Signal delays after launch; {@link #ONCE_RUNNING}: once the index lists the run as running, whatever the load. */
    private static final long[] DELAYS_MILLIS = {100, 400, 700, 1000, 1400, 2000, -1, -1};
    private static final long ONCE_RUNNING = -1;

    @TempDir
    Path results;

    /** A nap only this test's replicas take, so that it can find (and end) exactly its own processes. */
    private final String nap = "300." + (100_000_000 + new Random().nextInt(900_000_000));

    @Test
    void sigintAndSigtermAtAnyMomentExit130AndLeaveTheRunInAFinalState() throws Exception {
        int withRunDirectory = 0;
        List<String> seen = new ArrayList<>();
        // Before main the JVM itself handles SIGTERM (exit 143); on a loaded machine it may need more than 0.1 s to
        // get there, so the earliest signal waits for a JVM's start-up time as measured here and now.
        long startup = jvmStartupMillis();
        for (int i = 0; i < DELAYS_MILLIS.length * 2; i++) {
            String signal = i % 2 == 0 ? "TERM" : "INT";
            long delay = DELAYS_MILLIS[i / 2] == ONCE_RUNNING ? ONCE_RUNNING : Math.max(DELAYS_MILLIS[i / 2], startup);
            Path dir = results.resolve(signal + "-" + i);
            Process jvm = start(dir, i % 4 < 2);
            if (delay == ONCE_RUNNING) {
                awaitRunning(dir.resolve("sleepy/index.json"));
                Thread.sleep(i * 37 % 300); // somewhere in the first trial's start
            } else {
                Thread.sleep(delay);
            }
            new ProcessBuilder("kill", "-s", signal, Long.toString(jvm.pid())).start().waitFor();
            try {
                assertTrue(jvm.waitFor(90, TimeUnit.SECONDS), "SIG" + signal + " (" + i + "): exits");
            } finally {
                jvm.destroyForcibly();
            }
            String output = Files.readString(dir.resolve("output.txt"), StandardCharsets.UTF_8);
            String context = "SIG" + signal + " at " + (delay == ONCE_RUNNING ? "once running" : delay + " ms") + ": "
                    + output;
            assertEquals(ExitCodes.INTERRUPTED, jvm.exitValue(), context);
            assertFalse(output.contains("\tat "), "no stack trace: " + context);
            for (Path run : runs(dir)) {
                withRunDirectory++;
                String summary = Files.readString(run.resolve("summary.json"));
                assertTrue(summary.contains("\"status\" : \"interrupted\""), context + summary);
                assertTrue(summary.contains("\"exit_code\" : 130"), context + summary);
                List<RunEntry> index = new ResultsStore(dir).runs("sleepy");
                assertEquals(1, index.size(), context);
                assertEquals("interrupted", index.get(0).status(), context);
                assertTrue(Files.readString(dir.resolve("sleepy/index.json")).contains("\"interrupted\""));
            }
            seen.add((delay == ONCE_RUNNING ? "once running" : delay + "ms") + " SIG" + signal + ": "
                    + runs(dir).size() + " run dir(s)");
        }
        assertTrue(withRunDirectory >= 4, "signals came after the run directory existed: " + seen);
        assertNoReplicaLeft();
    }

    @Test
    void aRunKilledBySigkillIsShownAsAbandoned() throws Exception {
        Process jvm = start(results, false);
        try {
            awaitRunning(results.resolve("sleepy/index.json"));
            assertEquals("running", new ResultsStore(results).runs("sleepy").get(0).status(), "live: still running");
        } finally {
            jvm.destroyForcibly(); // SIGKILL: no hook runs
            jvm.waitFor(30, TimeUnit.SECONDS);
            killReplicas();
        }
        Path killed = runs(results).get(0);
        assertFalse(Files.exists(killed.resolve("summary.json")));
        assertEquals("abandoned", new ResultsStore(results).runs("sleepy").get(0).status());

        CliRun report = CliRun.of("report", killed.toString(), "-o", results.resolve("out").toString());
        assertTrue(report.err().contains("abandoned"), report.err());

        // a later run of the same benchmark records the abandoned run in the index it rewrites
        CliRun later = CliRun.of("run", spec(), "--local", "--no-report", "--results-dir", results.toString(),
                "--set", "parameters.nap=0");
        assertEquals(ExitCodes.OK, later.exitCode(), later.out() + later.err());
        String written = Files.readString(results.resolve("sleepy/index.json"));
        assertTrue(written.contains("\"abandoned\""), written);
        assertTrue(written.contains("\"succeeded\""), written);
    }

    private static void awaitRunning(Path index) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(index) && Files.readString(index).contains("\"running\""))) {
            assertTrue(System.nanoTime() < deadline, "the run started");
            Thread.sleep(20);
        }
    }

    private Process start(Path resultsDir, boolean reports) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (envResetsSignals()) {
            // a build started in the background inherits an ignored SIGINT, and the JVM keeps what it inherits
            cmd.addAll(List.of("env", "--default-signal=INT,TERM"));
        }
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "run", spec(), "--local",
                "--results-dir", resultsDir.toString(), "--set", "parameters.nap=" + nap, "--set", "timeout=5m"));
        if (!reports) {
            cmd.add("--no-report");
        }
        Files.createDirectories(resultsDir);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(resultsDir.resolve("output.txt").toFile())
                .start();
    }

    private static long jvmStartupMillis() throws IOException, InterruptedException {
        long worst = 0;
        for (int i = 0; i < 3; i++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), JvmUptime.class.getName()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            worst = Math.max(worst, Long.parseLong(out));
        }
        // the hook is installed first thing in main; a margin for the clock's 10 ms granularity and bursts of load
        return worst * 3 / 2 + 100;
    }

    private static boolean envResetsSignals() {
        try {
            return new ProcessBuilder("env", "--default-signal=INT", "true").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static List<Path> runs(Path resultsDir) throws IOException {
        Path bench = resultsDir.resolve("sleepy");
        if (!Files.isDirectory(bench)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(bench)) {
            return s.filter(Files::isDirectory).toList();
        }
    }

    private void killReplicas() {
        ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("sleep " + nap))
                .forEach(ProcessHandle::destroyForcibly);
    }

    private void assertNoReplicaLeft() {
        assertFalse(ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("")
                .contains("sleep " + nap)), "a replica of an interrupted run is still running");
    }

    private static String spec() {
        return ROOT.resolve("kubebench-cli/src/test/resources/run/sleepy.yaml").toString();
    }
}
