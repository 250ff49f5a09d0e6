package dev.kubebench.cli;

import dev.kubebench.collector.history.HistoryQuery;
import dev.kubebench.collector.history.HistoryStore;
import dev.kubebench.collector.history.RunMetrics;
import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.report.analysis.samples.Observation;
import dev.kubebench.report.analysis.samples.RunSamples;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs read from the PostgreSQL history in the shape a results folder gives ({@link RunSamples}: one observation per
 * succeeded trial and metric, in trial and result.json order, with the spec's gates), so compare and trend work the
 * same on both. Also resolves {@code db:NAME@last-good[?label=k=v&...]} and {@code db:NAME@RUN_ID} references.
 */
final class HistorySamples {
    /** {@code db:} references on the command line. */
    static final String PREFIX = "db:";
    private static final Pattern REFERENCE = Pattern.compile("db:(.+)@([^@?]+)(?:\\?(.*))?");
    private static final String LAST_GOOD = "last-good";

    private HistorySamples() {
    }

    static boolean isReference(String argument) {
        return argument.startsWith(PREFIX);
    }

    /**
     * The matching runs, oldest first, for a trend: each run's median per sweep point and metric as its one
     * observation, computed by the server as a trend computes it from the trials, so the series are the same.
     */
    static List<RunSamples> trend(HistoryStore store, HistoryQuery query) {
        return convert(store.medians(query));
    }

    /**
     * The run a {@code db:} reference names; {@code excluded} run ids (the candidate) never count as last-good.
     *
     * @throws KubebenchException INVALID_INPUT for a malformed reference or when no run matches
     */
    static List<RunSamples> resolve(HistoryStore store, String reference, Collection<String> excluded) {
        Matcher m = REFERENCE.matcher(reference);
        if (!m.matches()) {
            throw new KubebenchException(Failure.INVALID_INPUT, "'" + reference
                    + "' is not a history reference; use db:BENCHMARK@last-good[?label=k=v] or db:BENCHMARK@RUN_ID");
        }
        String benchmark = m.group(1);
        String which = m.group(2);
        Map<String, String> labels = labels(reference, m.group(3));
        String runId = which;
        if (which.equals(LAST_GOOD)) {
            runId = store.lastGood(new HistoryQuery(benchmark, labels, null), excluded).orElseThrow(
                    () -> new KubebenchException(Failure.INVALID_INPUT, reference + ": no good run of '" + benchmark
                            + "' in the history " + store.url() + (labels.isEmpty() ? "" : " with labels " + labels)));
        }
        List<RunMetrics> runs = store.metrics(List.of(runId));
        if (runs.isEmpty() || !runs.get(0).benchmark().equals(benchmark)) {
            throw new KubebenchException(Failure.INVALID_INPUT, reference + ": run " + runId + " of '" + benchmark
                    + "' is not in the history " + store.url());
        }
        return convert(runs);
    }

    private static Map<String, String> labels(String reference, String query) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return labels;
        }
        for (String part : query.split("&")) {
            String decoded = URLDecoder.decode(part, StandardCharsets.UTF_8);
            int eq = decoded.indexOf('=');
            int kv = eq < 0 ? -1 : decoded.indexOf('=', eq + 1);
            if (eq < 0 || !decoded.substring(0, eq).equals("label") || kv < 0) {
                throw new KubebenchException(Failure.INVALID_INPUT, reference + ": expected label=KEY=VALUE after ?,"
                        + " got '" + part + "'");
            }
            labels.put(decoded.substring(eq + 1, kv), decoded.substring(kv + 1));
        }
        return labels;
    }

    private static List<RunSamples> convert(List<RunMetrics> runs) {
        List<RunSamples> out = new ArrayList<>();
        for (RunMetrics r : runs) {
            List<Observation> obs = new ArrayList<>(r.values().size());
            for (RunMetrics.TrialMetric v : r.values()) {
                // direction null, as for run directories: gates, options and the name decide it the same way
                obs.add(new Observation(v.metric(), v.point(), v.value(), null));
            }
            out.add(new RunSamples(r.runId(), r.startedAt(), "db:" + r.benchmark() + "@" + r.runId(), obs,
                    r.gates()));
        }
        return out;
    }
}
