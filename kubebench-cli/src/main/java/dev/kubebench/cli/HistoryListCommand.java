package dev.kubebench.cli;

import dev.kubebench.collector.history.HistoryStore;
import dev.kubebench.collector.history.StoredRun;
import dev.kubebench.core.text.Printable;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code kubebench history list}: the stored runs, oldest first. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List stored runs, oldest first: run id, benchmark, start, status, trials, gates, labels.",
        footer = {"", ExitCodes.TABLE})
public final class HistoryListCommand implements Callable<Integer> {
    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Output formats of {@code -o}. */
    enum Format { TEXT, JSON }

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose;

    @Mixin
    DatabaseMixin db;

    @Mixin
    HistoryFilterMixin filter;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        List<StoredRun> runs;
        try (HistoryStore store = db.open()) {
            runs = store.runs(filter.query(Clock.systemUTC()));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.JSON) {
            ArrayNode array = JSON.createArrayNode();
            runs.forEach(r -> json(array.addObject(), r));
            out.println(JSON.writeValueAsString(array));
        } else {
            String fmt = "%-23s %-20s %-20s %-14s %6s %-6s %s%n";
            out.printf(Locale.ROOT, fmt, "RUN", "BENCHMARK", "STARTED", "STATUS", "TRIALS", "GATES", "LABELS");
            for (StoredRun r : runs) {
                out.printf(Locale.ROOT, fmt, r.runId(), r.benchmark(),
                        r.startedAt() == null ? "-" : r.startedAt().toString(), r.status(), r.trials(), gates(r),
                        labels(r.labels()));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    static void json(ObjectNode n, StoredRun r) {
        n.put("runId", r.runId());
        n.put("benchmark", r.benchmark());
        n.put("startedAt", r.startedAt() == null ? null : r.startedAt().toString());
        n.put("finishedAt", r.finishedAt() == null ? null : r.finishedAt().toString());
        n.put("status", r.status());
        n.put("trials", r.trials());
        if (r.gatesPassed() == null) {
            n.putNull("gatesPassed");
        } else {
            n.put("gatesPassed", r.gatesPassed());
        }
        ObjectNode labels = n.putObject("labels");
        r.labels().forEach(labels::put);
    }

    static String gates(StoredRun r) {
        return r.gatesPassed() == null ? "-" : r.gatesPassed() ? "passed" : "failed";
    }

    /** Labels as {@code k=v,k=v} for the terminal: control characters escaped. */
    static String labels(Map<String, String> labels) {
        return Printable.escape(labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",")));
    }
}
