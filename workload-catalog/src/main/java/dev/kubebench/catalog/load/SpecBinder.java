package dev.kubebench.catalog.load;

import dev.kubebench.core.time.Durations;
import dev.kubebench.catalog.mlperf.MlperfBenchmark;
import dev.kubebench.catalog.mlperf.MlperfCatalog;
import dev.kubebench.catalog.spec.Benchmark;
import dev.kubebench.catalog.spec.BenchmarkSpec;
import dev.kubebench.catalog.spec.CollectSpec;
import dev.kubebench.catalog.spec.DataVolume;
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
import dev.kubebench.catalog.spec.Toleration;
import dev.kubebench.catalog.spec.TrialOrder;
import dev.kubebench.catalog.spec.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Binds a resolved spec tree (profile, {@code --set} and parameters applied) to the {@link Benchmark} records,
 * checking field names, types, ranges and enum values. Cross-field and operator rules are {@link SpecValidator}'s.
 */
final class SpecBinder {
    static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);
    /** Upper bound for repetitions and for sweep sizes, so a typo cannot plan a million trials. */
    static final int MAX_TRIALS = 10_000;

    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");
    private static final List<String> AGGREGATES = List.of("last", "mean", "max", "min", "sum", "percentiles");

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
        NodePool nodePool = nodePool(spec.object("nodePool", SpecFields.NODE_POOL));
        Scheduling scheduling = scheduling(spec.object("scheduling", SpecFields.SCHEDULING));
        List<DataVolume> data = data(spec);
        Duration timeout = timeout(spec);
        List<CollectSpec> collect = collect(spec);
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
        String name = w.requiredString("name");
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

    private NodePool nodePool(Fields p) {
        if (p == null) {
            return NodePool.DEFAULT;
        }
        String name = p.string("name");
        Map<String, String> selector = p.stringMap("nodeSelector");
        if (selector != null) {
            for (String key : selector.keySet()) {
                if (!Names.isQualifiedName(key)) {
                    String where = "spec.nodePool.nodeSelector." + key;
                    problems.add(marks.get(where), where, "not a valid node label key");
                }
            }
        }
        List<Toleration> tolerations = new ArrayList<>();
        List<Node> items = p.items("tolerations");
        for (int i = 0; i < items.size(); i++) {
            Toleration t = toleration(Fields.of(items.get(i), "spec.nodePool.tolerations[" + i + "]", problems,
                    marks, SpecFields.TOLERATION));
            if (t != null) {
                tolerations.add(t);
            }
        }
        Map<String, Object> affinity = null;
        Fields aff = p.object("affinity", SpecFields.AFFINITY);
        if (aff != null) {
            @SuppressWarnings("unchecked") // Node.MapNode.toPlain always returns Map<String, Object>
            Map<String, Object> plain = (Map<String, Object>) aff.map().toPlain();
            affinity = plain;
        }
        String gpuResource = p.string("gpuResource");
        if (gpuResource != null && !Names.isQualifiedName(gpuResource)) {
            p.problem("gpuResource", "'" + gpuResource + "' is not a valid resource name (e.g. nvidia.com/gpu)");
        }
        Integer gpusPerNode = p.integer("gpusPerNode", 1, 1024);
        return new NodePool(name, selector, tolerations, affinity, gpuResource, gpusPerNode);
    }

    private Toleration toleration(Fields t) {
        String operator = t.string("operator");
        if (operator != null && !List.of("Exists", "Equal").contains(operator)) {
            t.problem("operator", "unknown operator '" + operator + "'"
                    + Suggestions.hint(operator, List.of("Exists", "Equal")));
        }
        String value = t.string("value");
        if ("Exists".equals(operator) && value != null && !value.isEmpty()) {
            t.problem("value", "must be empty when operator is Exists");
        }
        String effect = t.string("effect");
        List<String> effects = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");
        if (effect != null && !effects.contains(effect)) {
            t.problem("effect", "unknown effect '" + effect + "'" + Suggestions.hint(effect, effects));
        }
        String key = t.string("key");
        if (key == null && !"Exists".equals(operator)) {
            t.problem("key", "a toleration without a key needs operator: Exists");
        }
        Integer seconds = t.integer("tolerationSeconds", 0, Integer.MAX_VALUE);
        return new Toleration(key, operator, value, effect, seconds == null ? null : Long.valueOf(seconds));
    }

    private Scheduling scheduling(Fields s) {
        if (s == null) {
            return Scheduling.NONE;
        }
        String queue = s.string("queue");
        if (queue != null && (queue.isEmpty() || !Names.isLabelValue(queue))) {
            s.problem("queue", "'" + queue + "' is not a valid Kueue queue name (a label value: at most 63"
                    + " characters, letters, digits, '-', '_', '.')");
        }
        String priorityClass = s.string("priorityClass");
        if (priorityClass != null && !Names.isDns1123Subdomain(priorityClass)) {
            s.problem("priorityClass", "'" + priorityClass + "' is not a valid PriorityClass name (DNS-1123 subdomain)");
        }
        Boolean gang = s.bool("gang");
        Integer minAvailable = s.integer("minAvailable", 1, Integer.MAX_VALUE);
        String schedulerName = s.string("schedulerName");
        if (schedulerName != null && !Names.isDns1123Subdomain(schedulerName)) {
            s.problem("schedulerName", "'" + schedulerName + "' is not a valid scheduler name");
        }
        return new Scheduling(queue, priorityClass, gang != null && gang, minAvailable, schedulerName);
    }

    private List<DataVolume> data(Fields spec) {
        List<DataVolume> out = new ArrayList<>();
        List<Node> items = spec.items("data");
        for (int i = 0; i < items.size(); i++) {
            Fields d = Fields.of(items.get(i), "spec.data[" + i + "]", problems, marks, SpecFields.DATA_VOLUME);
            String name = d.requiredString("name");
            if (name != null && !Names.isDns1123Label(name)) {
                d.problem("name", "'" + name + "' is not a valid volume name (DNS-1123 label: at most 63 lowercase"
                        + " letters, digits and '-', starting and ending with a letter or digit)");
            }
            String claim = d.requiredString("claim");
            if (claim != null && !Names.isDns1123Subdomain(claim)) {
                d.problem("claim", "'" + claim + "' is not a valid PersistentVolumeClaim name (DNS-1123 subdomain)");
            }
            String mountPath = d.requiredString("mountPath");
            if (mountPath != null && !mountPath.startsWith("/")) {
                d.problem("mountPath", "must be an absolute path, got '" + mountPath + "'");
            }
            Boolean readOnly = d.bool("readOnly");
            if (name != null && claim != null && mountPath != null) {
                out.add(new DataVolume(name, claim, mountPath, readOnly != null && readOnly));
            }
        }
        return out;
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
        }
        return d;
    }

    private List<CollectSpec> collect(Fields spec) {
        List<CollectSpec> out = new ArrayList<>();
        List<Node> items = spec.items("collect");
        List<String> kinds = SpecFields.COLLECT_KINDS;
        for (int i = 0; i < items.size(); i++) {
            String where = "spec.collect[" + i + "]";
            Node item = items.get(i);
            Fields c = Fields.of(item, where, problems, marks, kinds);
            if (c.map().entries().size() != 1) {
                problems.add(item.mark(), where, "each collect entry has exactly one of: " + String.join(", ", kinds));
                continue;
            }
            String kind = c.map().entries().get(0).key();
            Node body = c.node(kind);
            Node b = body == null ? new Node.MapNode(c.markOf(kind), List.of()) : body;
            switch (kind) {
                case "mllog":
                    Fields.of(b, c.child(kind), problems, marks, SpecFields.MLLOG);
                    out.add(new CollectSpec.Mllog());
                    break;
                case "jmh":
                    Fields j = Fields.of(b, c.child(kind), problems, marks, SpecFields.JMH);
                    out.add(new CollectSpec.Jmh(j.string("file")));
                    break;
                case "extract":
                    out.add(extract(b, c.child(kind)));
                    break;
                case "prometheus":
                    Fields p = Fields.of(b, c.child(kind), problems, marks, SpecFields.PROMETHEUS);
                    String url = p.requiredString("url");
                    if (url != null && !url.matches("https?://.+")) {
                        p.problem("url", "expected an http:// or https:// URL, got '" + url + "'");
                    }
                    Map<String, String> queries = p.stringMap("queries");
                    if (queries == null || queries.isEmpty()) {
                        p.problem("queries", "needs at least one named PromQL query");
                    }
                    out.add(new CollectSpec.Prometheus(url, queries == null ? Map.of() : queries));
                    break;
                default:
                    break;
            }
        }
        return out;
    }

    private CollectSpec extract(Node body, String path) {
        List<Node> rules;
        if (body instanceof Node.ListNode) {
            rules = ((Node.ListNode) body).items();
        } else {
            problems.add(body.mark(), path, "expected a list of metric rules {name, regex | jsonPath, unit,"
                    + " aggregate}, got " + Fields.describe(body));
            rules = List.of();
        }
        List<CollectSpec.MetricRule> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Fields r = Fields.of(rules.get(i), path + "[" + i + "]", problems, marks, SpecFields.METRIC_RULE);
            String name = r.requiredString("name");
            String regex = r.string("regex");
            String jsonPath = r.string("jsonPath");
            if ((regex == null) == (jsonPath == null)) {
                problems.add(r.mark(), r.path(), "give exactly one of 'regex' and 'jsonPath'");
            }
            if (regex != null) {
                try {
                    Pattern.compile(regex);
                    if (!regex.contains("(?<value>")) {
                        r.problem("regex", "needs a named group 'value', e.g. (?<value>[0-9.]+)");
                    }
                } catch (PatternSyntaxException e) {
                    r.problem("regex", "invalid regular expression: " + e.getDescription());
                }
            }
            if (jsonPath != null && !jsonPath.matches("[A-Za-z0-9_$-]+(\\.[A-Za-z0-9_$-]+)*")) {
                r.problem("jsonPath", "expected a dot-separated field path such as metrics.ips");
            }
            String aggregate = r.string("aggregate");
            if (aggregate != null && !AGGREGATES.contains(aggregate)) {
                r.problem("aggregate", "unknown aggregate '" + aggregate + "'" + Suggestions.hint(aggregate, AGGREGATES));
            }
            if (name != null) {
                out.add(new CollectSpec.MetricRule(name, regex, jsonPath, r.string("unit"),
                        aggregate == null ? "last" : aggregate));
            }
        }
        return new CollectSpec.Extract(out);
    }

    private List<Gate> gates(Fields spec) {
        List<Gate> out = new ArrayList<>();
        List<Node> items = spec.items("gates");
        for (int i = 0; i < items.size(); i++) {
            Fields g = Fields.of(items.get(i), "spec.gates[" + i + "]", problems, marks, SpecFields.GATE);
            String metric = g.requiredString("metric");
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
        Map<String, String> env = l.stringMap("env");
        if (env != null) {
            for (String k : env.keySet()) {
                if (!Names.isEnvName(k)) {
                    String where = "spec.local.env." + k;
                    problems.add(marks.get(where), where, "not a valid environment variable name");
                }
            }
        }
        return new LocalSpec(command, env);
    }
}
