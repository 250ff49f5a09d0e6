package dev.kubebench.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code kubebench} command; subcommands do the work. */
@Command(name = "kubebench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Benchmarks ML training on Kubernetes (Kubeflow training operators) or locally, the way MLPerf does.",
        footer = {"", ExitCodes.TABLE},
        subcommands = {
            picocli.CommandLine.HelpCommand.class,
            RenderCommand.class,
            RunCommand.class,
            CollectCommand.class,
            ValidateCommand.class,
            CatalogCommand.class,
            ReportCommand.class,
            CompareCommand.class,
            TrendCommand.class,
            HistoryCommand.class,
            PlanCommand.class,
            CleanupCommand.class,
            TelemetryCommand.class,
            CompletionCommand.class,
        })
public final class KubebenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required");
    }
}
