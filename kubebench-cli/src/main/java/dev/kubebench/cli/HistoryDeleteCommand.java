package dev.kubebench.cli;

import dev.kubebench.collector.history.HistoryQuery;
import dev.kubebench.collector.history.HistoryStore;
import dev.kubebench.collector.history.StoredRun;
import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kubebench history delete}: removes runs (named, or matching the filters), only with {@code --yes}. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = {"Delete stored runs with their trials, metrics, labels and verdicts: the RUN_IDs given, or "
                + "every run matching --benchmark/--label/--since.",
            "Without --yes, lists what would be deleted and exits 2."},
        footer = {"", ExitCodes.TABLE})
public final class HistoryDeleteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose;

    @Mixin
    DatabaseMixin db;

    @Mixin
    HistoryFilterMixin filter;

    @Parameters(arity = "0..*", paramLabel = "RUN_ID", description = "Run ids to delete.")
    List<String> runIds = new ArrayList<>();

    @Option(names = "--yes", description = "Really delete.")
    boolean yes;

    @Override
    public Integer call() {
        HistoryQuery query = filter.query(Clock.systemUTC());
        boolean filtered = query.benchmark() != null || !query.labels().isEmpty() || query.since() != null;
        if (runIds.isEmpty() && !filtered) {
            throw new KubebenchException(Failure.INVALID_INPUT,
                    "name the runs to delete (RUN_ID...) or select them with --benchmark, --label or --since");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (HistoryStore store = db.open()) {
            Set<String> selected = new LinkedHashSet<>();
            for (StoredRun r : store.runs(query)) {
                if (runIds.isEmpty() || runIds.contains(r.runId())) {
                    selected.add(r.runId());
                }
            }
            if (!yes) {
                selected.forEach(id -> out.println("would delete " + id));
                out.flush();
                throw new KubebenchException(Failure.INVALID_INPUT, "not deleting " + selected.size()
                        + " run(s) without --yes");
            }
            int deleted = selected.isEmpty() ? 0 : store.delete(selected);
            out.printf("deleted %d run(s) from %s%n", deleted, store.url());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
