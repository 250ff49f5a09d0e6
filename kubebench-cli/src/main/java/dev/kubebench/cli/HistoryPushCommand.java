package dev.kubebench.cli;

import dev.kubebench.collector.history.HistoryStore;
import dev.kubebench.collector.history.PushedRun;
import dev.kubebench.collector.history.RunDirectoryReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kubebench history push RUN_DIR...}: stores runs in the history; a run already there is left as it is. */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Store run directories in the history: the run, its resolved spec, trials, sweep point "
                + "parameters, every metric with unit and direction, labels (the spec's plus --label) and the gate "
                + "verdicts of compare.json when the run directory has one.",
            "Idempotent: a run id already stored is skipped. Each run is one transaction. The run directory is "
                + "only read."},
        footer = {"", "Example: kubebench history push results/bert/20261128-010000-abc123 --label branch=main "
                + "--db postgresql://ci@db:5432/kubebench", "", ExitCodes.TABLE})
public final class HistoryPushCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose;

    @Mixin
    DatabaseMixin db;

    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "Run directories (results/<benchmark>/<run-id>).")
    List<Path> runDirs;

    @Option(names = "--label", paramLabel = "KEY=VALUE",
            description = "Label the runs, e.g. cluster, branch, git sha, image (repeatable; wins over the spec's).")
    Map<String, String> labels = new LinkedHashMap<>();

    @Override
    public Integer call() {
        // read every directory first: a bad one fails the command before anything is written
        List<PushedRun> runs = new ArrayList<>();
        for (Path dir : runDirs) {
            runs.add(RunDirectoryReader.read(dir, labels));
        }
        PrintWriter out = spec.commandLine().getOut();
        try (HistoryStore store = db.open()) {
            push(store, runs, out);
        }
        return ExitCodes.OK;
    }

    /** Pushes and prints one line per run; shared with {@code run --db}. */
    static void push(HistoryStore store, List<PushedRun> runs, PrintWriter out) {
        for (PushedRun run : runs) {
            boolean stored = store.push(run);
            out.printf("%s %s/%s (%d trials) %s %s%n", stored ? "pushed" : "already in history:", run.benchmark(),
                    run.runId(), run.trials().size(), stored ? "to" : "in", store.url());
        }
        out.flush();
    }
}
