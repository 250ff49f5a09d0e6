package dev.kubebench.cli;

import dev.kubebench.collector.history.GateVerdict;
import dev.kubebench.collector.history.HistoryStore;
import dev.kubebench.collector.history.RunDetail;
import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.core.text.Numbers;
import dev.kubebench.core.text.Printable;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code kubebench history show RUN_ID}: one stored run with its trials, gate verdicts and metric summaries. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show one stored run: labels, gate verdicts, trials, and per sweep point and metric the "
                + "median, min, max and n of the succeeded trials.",
        footer = {"", ExitCodes.TABLE})
public final class HistoryShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose;

    @Mixin
    DatabaseMixin db;

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run id.")
    String runId;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    HistoryListCommand.Format format;

    @Override
    public Integer call() {
        RunDetail d;
        try (HistoryStore store = db.open()) {
            d = store.detail(runId).orElseThrow(() -> new KubebenchException(Failure.INVALID_INPUT,
                    "run " + runId + " is not in the history " + store.url()));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == HistoryListCommand.Format.JSON) {
            out.println(HistoryListCommand.JSON.writeValueAsString(json(d)));
        } else {
            text(d, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void text(RunDetail d, PrintWriter out) {
        out.printf("run:       %s%n", d.run().runId());
        out.printf("benchmark: %s%n", d.run().benchmark());
        out.printf("started:   %s%n", d.run().startedAt() == null ? "-" : d.run().startedAt());
        out.printf("status:    %s (%d trials)%n", d.run().status(), d.run().trials());
        out.printf("labels:    %s%n", HistoryListCommand.labels(d.run().labels()));
        out.printf("gates:     %s%n", HistoryListCommand.gates(d.run()));
        for (GateVerdict v : d.verdicts()) {
            out.printf("  %s %s: %s%n", v.passed() ? "passed" : "FAILED", Printable.escape(v.name()),
                    Printable.escape(v.message()));
        }
        out.println();
        out.printf(Locale.ROOT, "%-6s %-24s %-14s %s%n", "TRIAL", "POINT", "STATUS", "REASON");
        for (RunDetail.Trial t : d.trials()) {
            out.printf(Locale.ROOT, "%-6d %-24s %-14s %s%n", t.trial(),
                    t.point().isEmpty() ? "-" : Printable.escape(t.point()), t.status(),
                    t.failureReason() == null ? ""
                            : Printable.escape(t.failureReason().lines().findFirst().orElse("")));
        }
        out.println();
        out.printf(Locale.ROOT, "%-24s %-32s %12s %12s %12s %4s%n", "POINT", "METRIC", "MEDIAN", "MIN", "MAX", "N");
        for (RunDetail.MetricPoint p : d.points()) {
            out.printf(Locale.ROOT, "%-24s %-32s %12s %12s %12s %4d%n",
                    p.point().isEmpty() ? "-" : Printable.escape(p.point()), Printable.escape(p.metric()),
                    Numbers.rounded(p.median(), 3), Numbers.rounded(p.min(), 3), Numbers.rounded(p.max(), 3), p.n());
        }
    }

    private static ObjectNode json(RunDetail d) {
        ObjectNode n = HistoryListCommand.JSON.createObjectNode();
        HistoryListCommand.json(n, d.run());
        ArrayNode verdicts = n.putArray("gateVerdicts");
        for (GateVerdict v : d.verdicts()) {
            verdicts.addObject().put("name", v.name()).put("passed", v.passed()).put("message", v.message());
        }
        ArrayNode trials = n.putArray("trials");
        for (RunDetail.Trial t : d.trials()) {
            trials.addObject().put("trial", t.trial()).put("point", t.point()).put("status", t.status())
                    .put("failureReason", t.failureReason());
        }
        ArrayNode points = n.putArray("metrics");
        for (RunDetail.MetricPoint p : d.points()) {
            points.addObject().put("point", p.point()).put("metric", p.metric()).put("unit", p.unit())
                    .put("direction", p.direction()).put("median", p.median()).put("min", p.min())
                    .put("max", p.max()).put("n", p.n());
        }
        n.put("spec", d.specYaml());
        return n;
    }
}
