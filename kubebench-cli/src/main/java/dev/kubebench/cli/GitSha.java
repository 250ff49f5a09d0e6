package dev.kubebench.cli;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The git commit a spec file is checked in at, for the run record. Best effort: no git, no repository, a slow or
 * hung git (a network file system, a credential prompt) all give null, within {@link #TIMEOUT}.
 */
final class GitSha {
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private GitSha() {
    }

    /** The HEAD commit of the repository holding {@code dir}, or null. */
    static String of(Path dir) {
        return dir == null ? null : run(List.of("git", "-C", dir.toString(), "rev-parse", "HEAD"), TIMEOUT);
    }

    /**
     * Runs {@code command} and returns its output when it exits 0 within {@code timeout} and prints a 40-digit sha;
     * otherwise null, and a command still running is killed with its children.
     */
    static String run(List<String> command, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(Redirect.DISCARD).start();
        } catch (IOException e) {
            return null;
        }
        // Read on another thread: reading here would block until the command ends and the timeout could never fire.
        FutureTask<String> output = new FutureTask<>(() -> readAll(p.getInputStream()));
        Thread reader = new Thread(output, "git-sha-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!p.waitFor(deadline - System.nanoTime(), TimeUnit.NANOSECONDS) || p.exitValue() != 0) {
                return null;
            }
            // A child that outlives git may still hold the pipe open; the deadline covers that too.
            String out = output.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS).trim();
            return out.matches("[0-9a-f]{40}") ? out : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        } finally {
            if (p.isAlive()) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }

    private static String readAll(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
