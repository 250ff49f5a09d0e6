package dev.kubebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a JVM running trials, cancelled as {@code kubebench run} cancels them ({@link InterruptGuard}): processes
 * stopped, the trial completed as INTERRUPTED, nothing left running, exit code 130.
 */
class RunExecutorSignalTest {
    @TempDir
    Path dir;

    @Test
    void sigtermStopsTheRunCleanly() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process jvm = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                SigtermMain.class.getName(), dir.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            List<String> seen = new ArrayList<>();
            while ((line = out.readLine()) != null && !line.equals("ready")) {
                seen.add(line);
            }
            assertEquals("ready", line, "child JVM output: " + seen);
            jvm.destroy(); // SIGTERM
            assertTrue(jvm.waitFor(60, TimeUnit.SECONDS), "the JVM exits after cleanup");
            assertEquals(ExitCodes.INTERRUPTED, jvm.exitValue(), "interrupted, after cleanup");
        } finally {
            jvm.destroyForcibly();
        }
        Path trial0 = dir.resolve("trials/0");
        assertEquals("INTERRUPTED", Files.readString(trial0.resolve("completed")));
        assertFalse(Files.exists(dir.resolve("trials/1")), "no trial starts after the signal");
        List<Long> pids = new ArrayList<>();
        Matcher m = Pattern.compile("\"pid (\\d+)\"").matcher(Files.readString(trial0.resolve("events.jsonl")));
        while (m.find()) {
            pids.add(Long.parseLong(m.group(1)));
        }
        try (Stream<Path> files = Files.list(trial0.resolve("files"))) {
            files.filter(p -> p.toString().endsWith(".pid")).forEach(p -> {
                try {
                    pids.add(Long.parseLong(Files.readString(p).trim()));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        assertTrue(pids.size() >= 3, "replicas and children recorded: " + pids);
        for (long pid : pids) {
            Path stat = Path.of("/proc", Long.toString(pid), "stat");
            boolean alive = Files.exists(stat) && !Files.readString(stat).contains(") Z ");
            assertFalse(alive, "pid " + pid + " still running");
        }
    }
}
