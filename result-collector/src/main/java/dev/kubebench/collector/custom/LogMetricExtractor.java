package dev.kubebench.collector.custom;

import dev.kubebench.core.metric.MetricNames;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.catalog.spec.CollectSpec;
import dev.kubebench.collector.latency.LatencyRecorder;
import dev.kubebench.collector.latency.LatencySummary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.zip.GZIPInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Extracts named metrics from plain logs per a {@link CollectSpec.Extract}: each rule either matches a regex with a
 * named group {@code value} on every line, or reads a dot-separated field path from every line that is a JSON object.
 * Repeated values are aggregated per rule ({@code last} by default, {@code mean}, {@code max}, {@code min},
 * {@code sum}, {@code count}, or {@code percentiles}: {@code <name>_p50_<unit>}, p90, p99, p999, max through
 * HdrHistogram). Reads line by line (gzip detected, ISO-8859-1), so memory does not grow with the log; feed several
 * files with {@link #accept(Path)} then call {@link #metrics()}.
 */
public final class LogMetricExtractor {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> AGGREGATES = List.of("last", "mean", "max", "min", "sum", "count",
            "percentiles");

    private final List<Rule> rules = new ArrayList<>();
    private final boolean anyJson;
    private long malformedJsonLines;

    private static final class Rule {
        final CollectSpec.MetricRule spec;
        final Pattern regex;
        final String[] path;
        final String aggregate;
        long count;
        double last = Double.NaN;
        double sum;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        final LatencyRecorder histogram = new LatencyRecorder();

        Rule(CollectSpec.MetricRule spec, Pattern regex, String[] path, String aggregate) {
            this.spec = spec;
            this.regex = regex;
            this.path = path;
            this.aggregate = aggregate;
        }

        void add(double v) {
            if (!Double.isFinite(v)) {
                return;
            }
            count++;
            last = v;
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
            if (aggregate.equals("percentiles")) {
                histogram.recordMs(v);
            }
        }
    }

    /**
     * An extractor for the rules of {@code spec}.
     *
     * @throws KubebenchException INVALID_INPUT for a rule with neither or both of regex and jsonPath, a regex
     *                            without a {@code value} group, or an unknown aggregate
     */
    public LogMetricExtractor(CollectSpec.Extract spec) {
        boolean json = false;
        int i = 0;
        for (CollectSpec.MetricRule r : spec.metrics()) {
            String where = "collect.extract.metrics[" + i + "]";
            if ((r.regex() == null) == (r.jsonPath() == null)) {
                throw new KubebenchException(Failure.INVALID_INPUT, where + ": give exactly one of regex and jsonPath");
            }
            String agg = r.aggregate() == null ? "last" : r.aggregate().toLowerCase(Locale.ROOT);
            if (!AGGREGATES.contains(agg)) {
                throw new KubebenchException(Failure.INVALID_INPUT, where + ".aggregate: unknown '" + r.aggregate()
                        + "' (one of " + String.join(", ", AGGREGATES) + ")");
            }
            Pattern p = null;
            if (r.regex() != null) {
                try {
                    p = Pattern.compile(r.regex());
                } catch (PatternSyntaxException e) {
                    throw new KubebenchException(Failure.INVALID_INPUT, where + ".regex: " + e.getDescription());
                }
                if (!r.regex().contains("(?<value>")) {
                    throw new KubebenchException(Failure.INVALID_INPUT, where
                            + ".regex: needs a named group (?<value>...)");
                }
            } else {
                json = true;
            }
            rules.add(new Rule(r, p, r.jsonPath() == null ? null : r.jsonPath().split("\\."), agg));
            i++;
        }
        anyJson = json;
    }

    /** Reads one log file (plain or gzip). */
    public void accept(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            accept(in);
        }
    }

    /** Reads a stream to its end; the caller closes it. */
    public void accept(InputStream raw) throws IOException {
        PushbackInputStream pb = new PushbackInputStream(raw, 2);
        byte[] magic = pb.readNBytes(2);
        if (magic.length > 0) {
            pb.unread(magic);
        }
        InputStream in = magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b
                ? new GZIPInputStream(pb) : pb;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1 << 16);
        String line;
        while ((line = r.readLine()) != null) {
            line(line);
        }
    }

    /** Offers one line (without its line end). */
    public void line(String line) {
        JsonNode tree = null;
        boolean triedJson = false;
        for (Rule rule : rules) {
            if (rule.regex != null) {
                Matcher m = rule.regex.matcher(line);
                if (m.find()) {
                    rule.add(parse(m.group("value")));
                }
                continue;
            }
            if (!triedJson) {
                triedJson = true;
                tree = anyJson ? json(line) : null;
            }
            if (tree != null) {
                JsonNode v = tree;
                for (String part : rule.path) {
                    v = v == null ? null : v.get(part);
                }
                if (v != null && v.isNumber()) {
                    rule.add(v.asDouble());
                } else if (v != null && v.isString()) {
                    rule.add(parse(v.asString()));
                }
            }
        }
    }

    private JsonNode json(String line) {
        int b = line.indexOf('{');
        if (b < 0) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(line.substring(b));
            return n != null && n.isObject() ? n : null;
        } catch (JacksonException e) {
            malformedJsonLines++;
            return null;
        }
    }

    private static double parse(String s) {
        if (s == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Lines that looked like JSON but did not parse. */
    public long malformedJsonLines() {
        return malformedJsonLines;
    }

    /** Rule names that matched nothing. */
    public List<String> unmatched() {
        return rules.stream().filter(r -> r.count == 0).map(r -> r.spec.name()).toList();
    }

    /** The aggregated metrics, in rule order; rules that matched nothing are left out. */
    public Map<String, Double> metrics() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Rule r : rules) {
            if (r.count == 0) {
                continue;
            }
            String name = r.spec.name();
            switch (r.aggregate) {
                case "mean":
                    out.put(name, r.sum / r.count);
                    break;
                case "max":
                    out.put(name, r.max);
                    break;
                case "min":
                    out.put(name, r.min);
                    break;
                case "sum":
                    out.put(name, r.sum);
                    break;
                case "count":
                    out.put(name, (double) r.count);
                    break;
                case "percentiles":
                    LatencySummary s = r.histogram.summary();
                    if (s != null) {
                        out.put(MetricNames.withStatistic(name, "p50"), s.p50Ms());
                        out.put(MetricNames.withStatistic(name, "p90"), s.p90Ms());
                        out.put(MetricNames.withStatistic(name, "p99"), s.p99Ms());
                        out.put(MetricNames.withStatistic(name, "p999"), s.p999Ms());
                        out.put(MetricNames.withStatistic(name, "max"), s.maxMs());
                        out.put(MetricNames.withStatistic(name, "mean"), s.meanMs());
                    }
                    break;
                default:
                    out.put(name, r.last);
            }
        }
        return out;
    }

    /** Units per metric name produced by {@link #metrics()} (from the rules' {@code unit}), for display. */
    public Map<String, String> units() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Rule r : rules) {
            if (r.spec.unit() != null) {
                out.put(r.spec.name(), r.spec.unit());
            }
        }
        return out;
    }
}
