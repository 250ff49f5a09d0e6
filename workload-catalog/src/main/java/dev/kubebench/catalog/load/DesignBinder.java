package dev.kubebench.catalog.load;

import dev.kubebench.catalog.spec.CollectSpec;
import dev.kubebench.catalog.spec.Repetitions;
import dev.kubebench.catalog.spec.TrialOrder;
import dev.kubebench.core.metric.MetricNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds the experiment design of a spec: {@code repetitions} (a number or {@code {min, max, until}}), {@code warmup},
 * {@code order} and {@code seed}. The {@code until} metric must be one that a collector of the spec produces, since a
 * target no trial can report would silently run every point to {@code max}.
 */
final class DesignBinder {
    static final List<String> REPETITIONS = SpecFields.of(Repetitions.class);
    static final List<String> UNTIL = SpecFields.of(Repetitions.Until.class, java.util.Map.of("ciWidthPercent",
            "ciWidth"), List.of());
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");
    /** Metrics every trial gets from its timeline, whatever the collectors. */
    private static final List<String> TIMELINE = List.of(MetricNames.INIT_TIME_S, MetricNames.QUEUE_TIME_S,
            MetricNames.WALL_TIME_S);

    private final Fields spec;
    private final Problems problems;

    DesignBinder(Fields spec, Problems problems) {
        this.spec = spec;
        this.problems = problems;
    }

    /** {@code repetitions}; a fixed 1 when absent, null when invalid (the problem is recorded). */
    Repetitions repetitions(List<CollectSpec> collect) {
        Node n = spec.node("repetitions");
        if (n == null || n instanceof Node.ScalarNode) {
            Integer reps = spec.integer("repetitions", 1, SpecBinder.MAX_TRIALS);
            return Repetitions.fixed(reps == null ? 1 : reps);
        }
        Fields r = spec.object("repetitions", REPETITIONS);
        Integer min = r.integer("min", 1, SpecBinder.MAX_TRIALS);
        Integer max = r.integer("max", 1, SpecBinder.MAX_TRIALS);
        if (!r.has("min")) {
            r.missing("min");
        }
        if (!r.has("max")) {
            r.missing("max");
        }
        if (min != null && max != null && min > max) {
            r.problem("min", "min (" + min + ") is larger than max (" + max + ")");
            return null;
        }
        Repetitions.Until until = until(r.object("until", UNTIL), collect);
        if (min == null || max == null) {
            return null;
        }
        return new Repetitions(min, max, until);
    }

    private Repetitions.Until until(Fields u, List<CollectSpec> collect) {
        if (u == null) {
            return null;
        }
        String metric = u.requiredString("metric");
        Double width = ciWidth(u);
        if (metric != null) {
            List<String> produced = producedMetrics(collect);
            if (!producible(metric, produced, collect)) {
                u.problem("metric", "no collector of this spec produces '" + metric + "'"
                        + Suggestions.hint(metric, produced));
                metric = null;
            }
        }
        return metric == null || width == null ? null : new Repetitions.Until(metric, width);
    }

    private Double ciWidth(Fields u) {
        Node n = u.node("ciWidth");
        if (n == null) {
            u.missing("ciWidth");
            return null;
        }
        Object v = n instanceof Node.ScalarNode ? ((Node.ScalarNode) n).value() : null;
        Double d = null;
        if (v instanceof Number) {
            d = ((Number) v).doubleValue();
        } else if (v instanceof String) {
            Matcher m = PERCENT.matcher(((String) v).trim());
            d = m.matches() ? Double.valueOf(m.group(1)) : null;
        }
        if (d == null || !(d > 0 && d < 100)) {
            u.problem("ciWidth", "expected a percentage above 0% and below 100% such as 2%, got "
                    + Fields.describe(n));
            return null;
        }
        return d;
    }

    /** {@code warmup}: warm-up trials per point, 0 when absent. */
    int warmup() {
        Integer w = spec.integer("warmup", 0, SpecBinder.MAX_TRIALS);
        return w == null ? 0 : w;
    }

    /** {@code order}; {@code fallback} when absent or invalid. */
    TrialOrder order(TrialOrder fallback) {
        String s = spec.string("order");
        if (s == null) {
            return fallback;
        }
        for (TrialOrder o : TrialOrder.values()) {
            if (o.yamlName().equals(s)) {
                return o;
            }
        }
        spec.problem("order", "unknown order '" + s + "'" + Suggestions.hint(s, TrialOrder.yamlNames())
                + " (one of " + String.join(", ", TrialOrder.yamlNames()) + ")");
        return fallback;
    }

    /** {@code seed}; only meaningful with {@code order: shuffled}. */
    Long seed(TrialOrder order) {
        Node n = spec.node("seed");
        if (n == null) {
            return null;
        }
        Object v = n instanceof Node.ScalarNode ? ((Node.ScalarNode) n).value() : null;
        if (!(v instanceof Long)) {
            spec.problem("seed", "expected an integer, got " + Fields.describe(n));
            return null;
        }
        if (order != TrialOrder.SHUFFLED) {
            spec.problem("seed", "a seed only applies to order: shuffled");
        }
        return (Long) v;
    }

    /** The metric names the collectors are known to produce (JMH and percentile names aside), for suggestions. */
    static List<String> producedMetrics(List<CollectSpec> collect) {
        Set<String> out = new LinkedHashSet<>();
        if (collect.isEmpty() || collect.stream().anyMatch(c -> c instanceof CollectSpec.Mllog)) {
            out.addAll(MetricNames.STANDARD);
        }
        out.addAll(TIMELINE);
        MetricNames.STANDARD.stream().filter(m -> m.startsWith("scheduling_") || m.startsWith("startup_"))
                .forEach(out::add);
        for (CollectSpec c : collect) {
            if (c instanceof CollectSpec.Extract extract) {
                for (CollectSpec.MetricRule rule : extract.metrics()) {
                    out.add(rule.name());
                    if ("percentiles".equals(rule.aggregate())) {
                        for (String p : List.of("p50", "p90", "p99", "p999", "max")) {
                            out.add(MetricNames.withStatistic(rule.name(), p));
                        }
                    }
                }
            } else if (c instanceof CollectSpec.Prometheus prometheus) {
                out.addAll(prometheus.profile().metrics());
                out.addAll(prometheus.queries().keySet());
            }
        }
        return new ArrayList<>(out);
    }

    private static boolean producible(String metric, List<String> produced, List<CollectSpec> collect) {
        // JMH metric names come from the benchmark methods in the results file, unknown before the run.
        return produced.contains(metric) || collect.stream().anyMatch(c -> c instanceof CollectSpec.Jmh);
    }
}
