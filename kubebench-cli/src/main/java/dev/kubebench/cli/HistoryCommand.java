package dev.kubebench.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kubebench history}: the PostgreSQL results history (docs/history.md). */
@Command(name = "history",
        description = {"The results history in PostgreSQL: push run directories, list, show and delete runs, "
                + "migrate the schema. compare (--baseline db:NAME@last-good), trend --db and report --db read it.",
            "The database comes from --db URL or $KUBEBENCH_DB; see docs/history.md."},
        mixinStandardHelpOptions = true,
        footer = {"", ExitCodes.TABLE},
        subcommands = {HistoryPushCommand.class, HistoryMigrateCommand.class, HistoryListCommand.class,
            HistoryShowCommand.class, HistoryDeleteCommand.class})
public final class HistoryCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "a subcommand is required: push, migrate, list, show or delete");
    }
}
