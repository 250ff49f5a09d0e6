package dev.kubebench.catalog.load;

import dev.kubebench.core.time.Durations;
import dev.kubebench.catalog.mlperf.MlperfBenchmark;
import dev.kubebench.catalog.mlperf.MlperfCatalog;
import dev.kubebench.catalog.spec.Benchmark;
import dev.kubebench.catalog.spec.BenchmarkSpec;
import dev.kubebench.catalog.spec.CollectSpec;
import dev.kubebench.catalog.spec.DataVolume;
import dev.kubebench.catalog.spec.EnvValue;
import dev.kubebench.core.metric.Direction;
import dev.kubebench.catalog.spec.Gate;
import dev.kubebench.catalog.spec.JobSpec;
import dev.kubebench.catalog.spec.LocalSpec;
import dev.kubebench.catalog.spec.Metadata;
import dev.kubebench.catalog.spec.NodePool;
import dev.kubebench.catalog.spec.QualityTarget;
import dev.kubebench.catalog.spec.Repetitions;
import dev.kubebench.catalog.spec.Scheduling;
import dev.kubebench.catalog.spec.Sweep;
import dev.kubebench.catalog.spec.TrialOrder;
import dev.kubebench.catalog.spec.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds a resolved spec tree (profile, {@code --set} and parameters applied) to the {@link Benchmark} records,
 * checking field names, types, ranges and enum values. Cross-field and operator rules are {@link SpecValidator}'s.
 */
final class SpecBinder {
    static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);
    /** Upper bound for repetitions and for sweep sizes, so a typo cannot plan a million trials. */
    static final int MAX_TRIALS = 10_000;
    /** The longest trial timeout accepted (a typo such as 9999999h should not mean "never"). */
    static final Duration MAX_TIMEOUT = Duration.ofDays(30);

    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");

    private final Path specDir;
    private final boolean requireFiles;
    private final MlperfCatalog catalog;
    private final Problems problems;
    private final Map<String, Mark> marks;

    SpecBinder(Path specDir, boolean requireFiles, MlperfCatalog catalog, Problems problems, Map<String, Mark> marks) {
        this.specDir = specDir;
        this.requireFiles = requireFiles;
        this.catalog = catalog;
        this.problems = problems;
        this.marks = marks;
    }

    /** Binds the tree; null when a required part is missing or invalid (the problem is recorded). */
    Benchmark bind(Node root, Map<String, Object> parameters, Sweep sweep) {
        Fields top = Fields.of(root, "", problems, marks, SpecFields.ROOT);
        String apiVersion = top.requiredString("apiVersion");
        if (apiVersion != null && !Benchmark.API_VERSION.equals(apiVersion)) {
            top.problem("apiVersion", "unsupported apiVersion '" + apiVersion + "'; expected '"
                    + Benchmark.API_VERSION + "'");
        }
        String kind = top.requiredString("kind");
        if (kind != null && !Benchmark.KIND.equals(kind)) {
            top.problem("kind", "unsupported kind '" + kind + "'; expected '" + Benchmark.KIND + "'");
        }
        Metadata metadata = metadata(top);
        Node specNode = top.node("spec");
        if (specNode == null) {
            top.missing("spec");
            return null;
        }
        Fields spec = Fields.of(specNode, "spec", problems, marks, SpecFields.SPEC);
        Workload workload = workload(spec);
        JobSpec job = new JobBinder(specDir, requireFiles, spec, problems).bind();
        PlacementBinder placement = new PlacementBinder(problems, marks);
        NodePool nodePool = placement.nodePool(spec.object("nodePool", SpecFields.NODE_POOL));
        Scheduling scheduling = placement.scheduling(spec.object("scheduling", SpecFields.SCHEDULING));
        List<DataVolume> data = placement.data(spec);
        Duration timeout = timeout(spec);
        List<CollectSpec> collect = new CollectBinder(problems, marks).collect(spec);
        DesignBinder design = new DesignBinder(spec, problems);
        Repetitions repetitions = design.repetitions(collect);
        int warmup = design.warmup();
        TrialOrder order = design.order(sweep.variants().isEmpty() ? TrialOrder.SEQUENTIAL : TrialOrder.INTERLEAVED);
        Long seed = design.seed(order);
        List<Gate> gates = gates(spec);
        LocalSpec local = local(spec.object("local", SpecFields.LOCAL));
        if (metadata == null || workload == null || job == null || repetitions == null) {
            return null;
        }
        return new Benchmark(apiVersion == null ? Benchmark.API_VERSION : apiVersion,
                kind == null ? Benchmark.KIND : kind, metadata,
                new BenchmarkSpec(workload, job, nodePool, scheduling, data, parameters, sweep, repetitions,
                        timeout == null ? DEFAULT_TIMEOUT : timeout, collect, gates, local, warmup, order, seed));
    }

    private Metadata metadata(Fields top) {
        Node n = top.node("metadata");
        if (n == null) {
            top.missing("metadata");
            return null;
        }
        Fields m = Fields.of(n, "metadata", problems, marks, SpecFields.METADATA);
        String name = m.requiredString("name");
        Map<String, String> labels = m.stringMap("labels");
        if (labels != null) {
            for (Map.Entry<String, String> e : labels.entrySet()) {
                String where = "metadata.labels." + e.getKey();
                if (!Names.isQualifiedName(e.getKey())) {
                    problems.add(marks.get(where), where, "label key is not a valid Kubernetes label key");
                }
                if (!Names.isLabelValue(e.getValue())) {
                    problems.add(marks.get(where), where, "'" + e.getValue()
                            + "' is not a valid label value (at most 63 characters: letters, digits, '-', '_', '.',"
                            + " starting and ending with a letter or digit)");
                }
            }
        }
        return name == null ? null : new Metadata(name, labels);
    }

    private Workload workload(Fields spec) {
        Node n = spec.node("workload");
        if (n == null) {
            spec.missing("workload");
            return null;
        }
        if (n instanceof Node.ScalarNode) {
            String id = ((Node.ScalarNode) n).text();
            MlperfBenchmark b = catalog.find(id).orElse(null);
            if (b == null) {
                problems.add(n.mark(), "spec.workload", "unknown catalog workload '" + id + "'"
                        + Suggestions.hint(id, catalog.ids()) + " (or give a custom block {name, metric, target,"
                        + " direction})");
                return null;
            }
            return new Workload(b.id(), true, b.targets());
        }
        Fields w = Fields.of(n, "spec.workload", problems, marks, SpecFields.CUSTOM_WORKLOAD);
        String name = w.requiredName("name");
        String metric = w.string("metric");
        Double target = w.number("target");
        Direction direction = direction(w, "direction");
        if (target != null && metric == null) {
            w.problem("target", "a target needs 'metric', the metric it applies to");
        }
        if (target != null && direction == null && !w.has("direction")) {
            w.problem("target", "a target needs 'direction' (higher or lower)");
        }
        if (name == null) {
            return null;
        }
        List<QualityTarget> targets = target != null && metric != null && direction != null
                ? List.of(new QualityTarget(metric, null, target, direction)) : List.of();
        return new Workload(name, false, targets, metric,
                metric == null ? null : direction == null ? Direction.HIGHER : direction);
    }

    /** An enum-like direction field; null when absent or invalid. */
    Direction direction(Fields f, String key) {
        String s = f.string(key);
        if (s == null) {
            return null;
        }
        for (Direction d : Direction.values()) {
            if (d.yamlName().equals(s)) {
                return d;
            }
        }
        f.problem(key, "unknown direction '" + s + "'" + Suggestions.hint(s, List.of("higher", "lower")));
        return null;
    }

    private Duration timeout(Fields spec) {
        Node n = spec.node("timeout");
        if (n == null) {
            return null;
        }
        if (!(n instanceof Node.ScalarNode) || !(((Node.ScalarNode) n).value() instanceof String)) {
            spec.problem("timeout", "expected a duration " + Durations.EXAMPLES + ", got " + Fields.describe(n));
            return null;
        }
        Duration d = Durations.tryParse(((Node.ScalarNode) n).text()).orElse(null);
        if (d == null) {
            spec.problem("timeout", "'" + ((Node.ScalarNode) n).text()
                    + "' is not a duration; use days, hours, minutes, seconds or milliseconds " + Durations.EXAMPLES);
        } else if (d.isZero()) {
            spec.problem("timeout", "must be longer than 0s");
            return null;
        } else if (d.compareTo(MAX_TIMEOUT) > 0) {
            spec.problem("timeout", "must be at most 30d, got " + Fields.shown(n));
            return null;
        }
        return d;
    }

    private List<Gate> gates(Fields spec) {
        List<Gate> out = new ArrayList<>();
        List<Node> items = spec.items("gates");
        for (int i = 0; i < items.size(); i++) {
            Fields g = Fields.of(items.get(i), "spec.gates[" + i + "]", problems, marks, SpecFields.GATE);
            String metric = g.requiredName("metric");
            Direction direction = direction(g, "direction");
            Double percent = percent(g, "maxRegression");
            if (metric != null && percent != null) {
                out.add(new Gate(metric, direction, percent));
            }
        }
        return out;
    }

    private Double percent(Fields g, String key) {
        Node n = g.node(key);
        if (n == null) {
            g.missing(key);
            return null;
        }
        Object v = n instanceof Node.ScalarNode ? ((Node.ScalarNode) n).value() : null;
        Double d = null;
        if (v instanceof Number) {
            d = ((Number) v).doubleValue();
        } else if (v instanceof String) {
            Matcher m = PERCENT.matcher(((String) v).trim());
            if (m.matches()) {
                d = Double.parseDouble(m.group(1));
            }
        }
        if (d == null || !Double.isFinite(d) || d < 0) {
            g.problem(key, "expected a non-negative percentage such as 5%, got " + Fields.describe(n));
            return null;
        }
        return d;
    }

    private LocalSpec local(Fields l) {
        if (l == null) {
            return null;
        }
        List<String> command = l.stringList("command");
        l.program("command", command);
        Map<String, EnvValue> env = EnvBinder.bind(l, "env");
        return new LocalSpec(command, env);
    }
}
