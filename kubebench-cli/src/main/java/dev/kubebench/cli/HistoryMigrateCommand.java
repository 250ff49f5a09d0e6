package dev.kubebench.cli;

import dev.kubebench.collector.history.HistoryStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kubebench history migrate}: applies pending schema migrations (every command does so on first use). */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Create or upgrade the history schema (versioned migrations in one transaction). Other "
                + "history commands do this on first use; run it explicitly to keep DDL out of CI jobs.",
        footer = {"", ExitCodes.TABLE})
public final class HistoryMigrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose;

    @Mixin
    DatabaseMixin db;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (HistoryStore store = db.open()) {
            out.printf("schema version %d at %s%n", store.schemaVersion(), store.url());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
