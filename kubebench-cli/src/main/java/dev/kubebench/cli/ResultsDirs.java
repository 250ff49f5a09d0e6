package dev.kubebench.cli;

import dev.kubebench.collector.store.ResultsStore;
import dev.kubebench.collector.store.RunDirectory;
import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The {@code --results-dir} of a run: a usable directory name (exit 2 when empty or a regular file) and a run
 * directory created under it (exit 4 when the file system refuses: read-only, permission denied, disk full).
 */
final class ResultsDirs {
    private ResultsDirs() {
    }

    /** Rejects an empty or blank name and an existing path that is not a directory. */
    static void check(CommandLine cl, Path resultsDir) {
        if (resultsDir == null || resultsDir.toString().isBlank()) {
            throw new ParameterException(cl, "--results-dir must name a directory, got '"
                    + (resultsDir == null ? "" : resultsDir) + "'");
        }
        if (Files.exists(resultsDir) && !Files.isDirectory(resultsDir)) {
            throw new ParameterException(cl, "--results-dir " + resultsDir + ": not a directory");
        }
    }

    /** Creates a new run directory, listed in the index as {@code running}. */
    static RunDirectory createRun(Path resultsDir, String benchmark, Clock clock) {
        try {
            return new ResultsStore(resultsDir).createRun(benchmark, clock, new SecureRandom());
        } catch (IOException e) {
            throw new KubebenchException(Failure.INFRASTRUCTURE, "cannot create a run directory under " + resultsDir
                    + ": " + reason(e));
        }
    }

    /** What went wrong, in the operating system's words ("No space left on device", "Read-only file system"). */
    static String reason(IOException e) {
        if (e instanceof FileSystemException fse) {
            String what = fse.getReason() != null ? fse.getReason()
                    : e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof FileAlreadyExistsException ? "exists and is not a directory"
                    : e instanceof NoSuchFileException ? "no such file or directory"
                    : e instanceof NotDirectoryException ? "not a directory"
                    : e.getClass().getSimpleName();
            return fse.getFile() == null ? what : fse.getFile() + ": " + what;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
