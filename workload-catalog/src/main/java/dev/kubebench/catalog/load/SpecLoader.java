package dev.kubebench.catalog.load;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.catalog.mlperf.MlperfCatalog;
import dev.kubebench.catalog.plan.BenchmarkPlan;
import dev.kubebench.catalog.plan.Trial;
import dev.kubebench.catalog.spec.Benchmark;
import dev.kubebench.catalog.spec.BenchmarkSpec;
import dev.kubebench.catalog.spec.Sweep;
import dev.kubebench.catalog.spec.TrialOrder;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Loads a benchmark spec file into a {@link BenchmarkPlan}: reads the YAML (hostile input bounded, see
 * {@link YamlTreeReader}), deep-merges the chosen profile over {@code spec}, applies {@code --set} overrides, expands
 * the sweep, substitutes {@code {{ .name }}} parameters per sweep point, binds the records and validates them,
 * including the Kubeflow operators' admission rules. Every problem is reported, each as one line
 * {@code file:line:col: field.path: message}, in one {@link KubebenchException} with {@link Failure#INVALID_INPUT}.
 *
 * <p>Trials are sweep points (variants fastest) each repeated up to {@code spec.repetitions} times after
 * {@code spec.warmup} warm-up trials, in {@code spec.order} ({@link TrialSchedule}). The plan's
 * {@code resolved} benchmark is the first sweep point's, with {@code parameters} holding the base values (before any
 * sweep variable); {@code resolvedYaml} is the spec after profile and {@code --set}, templates left in place, so it
 * can be loaded again. Thread-safe and stateless.
 */
public final class SpecLoader {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES, YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();

    private final MlperfCatalog catalog;
    private final boolean requireFiles;

    /** A loader resolving catalog workloads through {@link MlperfCatalog#standard()}. */
    public SpecLoader() {
        this(MlperfCatalog.standard());
    }

    public SpecLoader(MlperfCatalog catalog) {
        this(catalog, true);
    }

    private SpecLoader(MlperfCatalog catalog, boolean requireFiles) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.requireFiles = requireFiles;
    }

    /**
     * A loader for a recorded run's {@code benchmark.yaml} (reports, compare): {@code job.files} and
     * {@code job.manifest} need not exist any more, since the results directory may have been copied elsewhere.
     * Everything else is checked as usual.
     */
    public static SpecLoader forRecordedRun() {
        return new SpecLoader(MlperfCatalog.standard(), false);
    }

    /** {@code new SpecLoader().load(file, profile, sets)}. */
    public static BenchmarkPlan loadFile(Path file, String profile, List<String> sets) {
        return new SpecLoader().load(file, profile, sets);
    }

    /**
     * Loads, resolves, validates and expands a spec.
     *
     * @param file    the spec file; messages name it as given
     * @param profile a profile under {@code spec.profiles}, or null for none
     * @param sets    {@code path=value} overrides (see {@link Overrides}); may be null
     * @throws KubebenchException {@link Failure#INVALID_INPUT} listing every problem
     */
    public BenchmarkPlan load(Path file, String profile, List<String> sets) {
        Objects.requireNonNull(file, "file");
        String display = file.toString();
        Node root = YamlTreeReader.readFile(file, display);
        if (!(root instanceof Node.MapNode)) {
            throw new KubebenchException(Failure.INVALID_INPUT, root.mark() + ": the document must be a mapping"
                    + " (apiVersion, kind, metadata, spec), got " + root.typeName());
        }
        Problems problems = new Problems();
        Node.MapNode merged = Profiles.apply((Node.MapNode) root, profile, problems);
        merged = Overrides.apply(merged, sets == null ? List.of() : sets, problems);
        merged = withShuffleSeed(merged);
        Path parent = file.toAbsolutePath().getParent();
        Path dir = parent == null ? Path.of(".") : parent;
        String resolvedYaml = YAML.writeValueAsString(ResolvedPaths.absolute(merged, dir).toPlain());
        BenchmarkPlan plan = expand(file, profile, merged, resolvedYaml, dir, problems);
        problems.throwIfAny();
        return plan;
    }

    /**
     * All problems of a spec as lines, empty when it is valid. Without a profile, every declared profile is checked
     * too, so a broken profile is found before someone picks it.
     */
    public List<String> validate(Path file, String profile, List<String> sets) {
        List<String> all = new ArrayList<>();
        try {
            load(file, profile, sets);
        } catch (KubebenchException e) {
            all.addAll(e.problems());
        }
        if (profile == null) {
            Set<String> base = new HashSet<>(all);
            for (String p : profileNames(file)) {
                try {
                    load(file, p, sets);
                } catch (KubebenchException e) {
                    // Problems of the base spec are reported once, not again for every profile.
                    for (String line : e.problems()) {
                        if (!base.contains(line)) {
                            all.add(line + " (with --profile " + p + ")");
                        }
                    }
                }
            }
        }
        return all;
    }

    private static List<String> profileNames(Path file) {
        try {
            Node root = YamlTreeReader.readFile(file, file.toString());
            return root instanceof Node.MapNode ? Profiles.names((Node.MapNode) root) : List.of();
        } catch (KubebenchException e) {
            return List.of();
        }
    }

    private BenchmarkPlan expand(Path file, String profile, Node.MapNode merged, String resolvedYaml, Path dir,
                                 Problems problems) {
        Map<String, Mark> baseMarks = new HashMap<>();
        Node specNode = merged.get("spec");
        Node.MapNode spec = specNode instanceof Node.MapNode ? (Node.MapNode) specNode : null;
        Map<String, Node> base = spec == null ? Map.of() : parameters(spec.get("parameters"), problems);
        Sweeps sweeps = Sweeps.read(spec == null ? null : spec.get("sweep"), problems, baseMarks);
        Sweep sweep = sweeps.toSweep();
        List<Map<String, Node>> points;
        if (sweeps.size() > SpecBinder.MAX_TRIALS) {
            problems.add(spec.get("sweep").mark(), "spec.sweep", "expands to " + (sweeps.size() == Long.MAX_VALUE
                    ? "too many" : String.valueOf(sweeps.size())) + " points; at most " + SpecBinder.MAX_TRIALS
                    + " trials are allowed");
            points = List.of(sweeps.firstPoint());
        } else {
            points = sweeps.points();
        }
        Map<String, Object> baseValues = plain(base);
        List<Benchmark> benchmarks = new ArrayList<>();
        List<Map<String, Mark>> pointMarks = new ArrayList<>();
        for (Map<String, Node> point : points) {
            Node variant = point.get(Sweep.VARIANT);
            Node.MapNode varied = sweeps.variants().apply(merged, variant == null ? null
                    : ((Node.ScalarNode) variant).text(), problems);
            // a variant may override parameters (not sweep variables), so its parameters are the point's base
            Map<String, Node> params = new LinkedHashMap<>(variant == null || spec == null ? base
                    : parameters(((Node.MapNode) varied.get("spec")).get("parameters"), problems));
            params.putAll(point);
            Node.MapNode templated = varied;
            if (spec != null && varied.get("spec") instanceof Node.MapNode variedSpec) {
                templated = varied.with("spec", varied.entry("spec").keyMark(), template(variedSpec, params, problems));
            }
            Map<String, Mark> marks = new HashMap<>(baseMarks);
            Benchmark b = new SpecBinder(dir, requireFiles, catalog, problems, marks).bind(templated, plain(params), sweep);
            benchmarks.add(b);
            pointMarks.add(marks);
        }
        long total = 0;
        for (Benchmark b : benchmarks) {
            total += b == null ? 1 : b.spec().repetitions().max() + b.spec().warmup();
        }
        if (total > SpecBinder.MAX_TRIALS) {
            Node sweepNode = spec == null ? null : spec.get("sweep");
            Mark at = sweepNode != null ? sweepNode.mark() : pointMarks.get(0).getOrDefault("spec.repetitions",
                    merged.mark());
            problems.add(at, sweepNode != null ? "spec.sweep" : "spec.repetitions", "the plan has " + total
                    + " trials (sweep points x repetitions); at most " + SpecBinder.MAX_TRIALS + " are allowed");
            return null;
        }
        for (int i = 0; i < benchmarks.size(); i++) {
            if (benchmarks.get(i) != null) {
                new SpecValidator(pointMarks.get(i), problems).validate(benchmarks.get(i));
            }
        }
        if (!benchmarks.contains(null)) {
            new SpecValidator(pointMarks.get(0), problems).names(benchmarks, (int) total - 1);
        }
        if (!problems.isEmpty() || benchmarks.contains(null)) {
            if (problems.isEmpty()) {
                problems.add(merged.mark(), "", "the spec is incomplete");
            }
            return null;
        }
        Benchmark first = benchmarks.get(0);
        BenchmarkSpec s = first.spec();
        List<Map<String, Object>> plainPoints = points.stream().map(SpecLoader::plain).toList();
        List<Trial> trials = TrialSchedule.trials(benchmarks, plainPoints, s.order(), s.seed() == null ? 0 : s.seed());
        Benchmark resolved = new Benchmark(first.apiVersion(), first.kind(), first.metadata(),
                s.withParameters(baseValues));
        return new BenchmarkPlan(file, profile, resolved, resolvedYaml, trials);
    }

    /**
     * A shuffled order without a seed gets a random one, written into the tree so that benchmark.yaml records it and
     * running that file again repeats the order.
     */
    private static Node.MapNode withShuffleSeed(Node.MapNode root) {
        if (!(root.get("spec") instanceof Node.MapNode spec) || spec.get("seed") != null
                || !(spec.get("order") instanceof Node.ScalarNode order)
                || !TrialOrder.SHUFFLED.yamlName().equals(order.value())) {
            return root;
        }
        long seed = new SecureRandom().nextLong() & Long.MAX_VALUE;
        Node.MapNode seeded = spec.with("seed", order.mark(), new Node.ScalarNode(order.mark(), seed));
        return root.with("spec", root.entry("spec").keyMark(), seeded);
    }

    /** Templates every field of {@code spec} except the parameter definitions themselves. */
    private static Node template(Node.MapNode spec, Map<String, Node> params, Problems problems) {
        Templates t = new Templates(params, problems);
        List<Node.Entry> out = new ArrayList<>();
        for (Node.Entry e : spec.entries()) {
            boolean definitions = e.key().equals("parameters") || e.key().equals("sweep");
            out.add(definitions ? e : new Node.Entry(e.key(), e.keyMark(), t.apply(e.value(), "spec." + e.key())));
        }
        return new Node.MapNode(spec.mark(), out);
    }

    private static Map<String, Node> parameters(Node node, Problems problems) {
        Map<String, Node> out = new LinkedHashMap<>();
        if (node == null || node instanceof Node.ScalarNode && ((Node.ScalarNode) node).isNull()) {
            return out;
        }
        if (!(node instanceof Node.MapNode)) {
            problems.add(node.mark(), "spec.parameters", "expected a mapping of parameter names to values, got "
                    + node.typeName());
            return out;
        }
        for (Node.Entry e : ((Node.MapNode) node).entries()) {
            String where = "spec.parameters." + e.key();
            if (!Templates.NAME.matcher(e.key()).matches()) {
                problems.add(e.keyMark(), where, "a parameter name must be letters, digits and '_', not starting"
                        + " with a digit");
            }
            if (!(e.value() instanceof Node.ScalarNode)) {
                problems.add(e.value().mark(), where, "a parameter value must be a scalar (string, number or"
                        + " boolean), got " + e.value().typeName());
                continue;
            }
            out.put(e.key(), e.value());
        }
        return out;
    }

    private static Map<String, Object> plain(Map<String, Node> nodes) {
        Map<String, Object> out = new LinkedHashMap<>();
        nodes.forEach((k, v) -> out.put(k, v.toPlain()));
        return out;
    }
}
