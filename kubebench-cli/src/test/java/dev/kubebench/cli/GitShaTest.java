package dev.kubebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitShaTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path tmp;

    private Path fakeGit(String body) throws IOException {
        Path script = tmp.resolve("git");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void readsTheShaAGitPrints() throws IOException {
        Path git = fakeGit("echo " + SHA);
        assertEquals(SHA, GitSha.run(List.of(git.toString(), "rev-parse", "HEAD"), Duration.ofSeconds(20)));
    }

    @Test
    void aHungGitIsGivenUpAfterTheTimeoutAndKilled() throws IOException {
        // Prints a valid sha and then hangs (as a child process that holds the output pipe, like a credential helper).
        Path pidFile = tmp.resolve("sleep.pid");
        Path git = fakeGit("echo " + SHA + "\nsleep 60 &\necho $! > " + pidFile + "\nwait");
        long started = System.nanoTime();
        String sha = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> GitSha.run(List.of(git.toString()), Duration.ofMillis(500)));
        assertNull(sha);
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(20).toNanos());
        if (Files.exists(pidFile)) {
            ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).ifPresent(child ->
                    assertFalse(child.onExit().completeOnTimeout(child, 10, TimeUnit.SECONDS).join().isAlive(),
                            "the hung child is killed"));
        }
    }

    @Test
    void failuresAndNonShaOutputGiveNull() throws IOException {
        assertNull(GitSha.run(List.of(fakeGit("echo " + SHA + "; exit 1").toString()), Duration.ofSeconds(20)));
        assertNull(GitSha.run(List.of(fakeGit("echo not-a-sha").toString()), Duration.ofSeconds(20)));
        assertNull(GitSha.run(List.of(tmp.resolve("no-such-git").toString()), Duration.ofSeconds(20)));
    }

    @Test
    void aDirectoryOutsideAnyRepositoryHasNoSha() {
        assertNull(GitSha.of(tmp));
        assertNull(GitSha.of(null));
    }
}
