package dev.kubebench.cli;

import dev.kubebench.core.text.Printable;
import dev.kubebench.collector.history.DatabaseUrl;
import dev.kubebench.collector.history.HistoryStore;
import dev.kubebench.collector.history.RunDirectoryReader;
import dev.kubebench.core.error.KubebenchException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code kubebench run --db URL}: pushes the finished run directory to the history after results and reports are
 * written. A failed push never loses the run: it prints one line and turns the run's exit code into 4
 * (infrastructure) unless the run already ended worse by the run's own order (interrupted).
 */
final class RunHistoryPush {
    private RunHistoryPush() {
    }

    static int push(DatabaseUrl url, Path runDir, Map<String, String> labels, int runExitCode, PrintWriter out,
                    PrintWriter err) {
        try (HistoryStore store = HistoryStore.open(url)) {
            HistoryPushCommand.push(store, List.of(RunDirectoryReader.read(runDir, labels)), out);
            return runExitCode;
        } catch (KubebenchException e) {
            e.problems().forEach(p -> err.println("error: " + Printable.escape(p)));
            err.flush();
            return runExitCode == ExitCodes.INTERRUPTED ? runExitCode : ExitCodes.INFRASTRUCTURE;
        }
    }
}
