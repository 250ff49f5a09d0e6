package dev.kubebench.cli;

import dev.kubebench.core.text.Numbers;
import dev.kubebench.core.text.TextTable;
import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.catalog.load.Suggestions;
import dev.kubebench.catalog.mlperf.MlperfBenchmark;
import dev.kubebench.catalog.mlperf.MlperfCatalog;
import dev.kubebench.core.metric.Direction;
import dev.kubebench.catalog.spec.QualityTarget;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/** {@code kubebench catalog}: the MLPerf Training benchmarks with their quality targets and scoring rules. */
@Command(name = "catalog",
        description = "The MLPerf Training benchmarks kubebench knows: quality target and direction, required runs,"
                + " olympic-mean drop count, rounds and dataset. Use an id as spec.workload (e.g. mlperf/resnet).",
        mixinStandardHelpOptions = true,
        subcommands = {CatalogCommand.ListCommand.class, CatalogCommand.ShowCommand.class})
public final class CatalogCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose;

    /** Output formats of {@code -o}. */
    enum Format { TEXT, JSON, YAML }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: list or show");
    }

    /** {@code kubebench catalog list}. */
    @Command(name = "list", description = "List the benchmarks (a table; -o json|yaml for scripts).",
            mixinStandardHelpOptions = true)
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        VerboseMixin verbose;

        @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
                description = "text (default), json or yaml.")
        Format output;

        @Override
        public Integer call() {
            List<MlperfBenchmark> all = MlperfCatalog.standard().all();
            PrintWriter out = spec.commandLine().getOut();
            if (output == Format.TEXT) {
                TextTable table = TextTable.left(7)
                        .header("ID", "BENCHMARK", "QUALITY TARGET", "RUNS", "DROP", "ROUNDS", "DATASET");
                for (MlperfBenchmark b : all) {
                    table.row(b.id(), b.name(), targets(b.targets()), String.valueOf(b.requiredRuns()),
                            String.valueOf(b.olympicDrop()), String.join(",", b.rounds()), b.dataset());
                }
                table.lines().forEach(out::println);
            } else {
                List<Object> list = new ArrayList<>();
                all.forEach(b -> list.add(toMap(b)));
                out.print(write(output, list));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code kubebench catalog show <id>}. */
    @Command(name = "show", description = "Show one benchmark with its sources.", mixinStandardHelpOptions = true)
    static final class ShowCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        VerboseMixin verbose;

        @Parameters(index = "0", paramLabel = "ID", description = "Catalog id (mlperf/resnet) or MLPerf name (resnet).")
        String id;

        @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
                description = "text (default), json or yaml.")
        Format output;

        @Override
        public Integer call() {
            MlperfCatalog catalog = MlperfCatalog.standard();
            MlperfBenchmark b = catalog.find(id).orElseThrow(() -> new KubebenchException(Failure.INVALID_INPUT,
                    "unknown catalog id '" + id + "'" + suggestion(catalog, id) + " (see 'kubebench catalog list')"));
            PrintWriter out = spec.commandLine().getOut();
            if (output == Format.TEXT) {
                TextTable table = TextTable.left(2)
                        .row("id:", b.id())
                        .row("benchmark:", b.name())
                        .row("model:", b.model())
                        .row("dataset:", b.dataset());
                for (QualityTarget t : b.targets()) {
                    table.row("quality target:", target(t));
                }
                table.row("required runs:", String.valueOf(b.requiredRuns()))
                        .row("olympic drop:", b.olympicDrop() + " fastest and " + b.olympicDrop()
                                + " slowest run(s) dropped from the mean")
                        .row("rounds:", String.join(", ", b.rounds()))
                        .row("source:", b.source());
                table.lines().forEach(out::println);
            } else {
                out.print(write(output, toMap(b)));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** Benchmarks whose name contains the query ({@code llama}), else the closest name by edit distance. */
    static String suggestion(MlperfCatalog catalog, String query) {
        String q = query.toLowerCase(Locale.ROOT);
        q = q.substring(q.lastIndexOf('/') + 1);
        List<String> containing = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (MlperfBenchmark b : catalog.all()) {
            names.add(b.name());
            if (!q.isEmpty() && b.name().contains(q)) {
                containing.add(b.id());
            }
        }
        if (containing.size() == 1) {
            return "; did you mean '" + containing.get(0) + "'?";
        }
        if (containing.size() > 1) {
            return "; did you mean one of: " + String.join(", ", containing) + "?";
        }
        return Suggestions.closest(q, names).map(n -> "; did you mean 'mlperf/" + n + "'?").orElse("");
    }

    static String targets(List<QualityTarget> targets) {
        List<String> parts = new ArrayList<>();
        targets.forEach(t -> parts.add(target(t)));
        return String.join("; ", parts);
    }

    /** {@code eval_accuracy >= 0.759}, with the submetric for multi-metric evaluations: {@code FID <= 90}. */
    static String target(QualityTarget t) {
        String name = t.submetric() != null ? t.submetric() : t.key();
        return name + (t.direction() == Direction.HIGHER ? " >= " : " <= ") + Numbers.plain(t.value());
    }

    static Map<String, Object> toMap(MlperfBenchmark b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", b.id());
        m.put("name", b.name());
        m.put("model", b.model());
        m.put("dataset", b.dataset());
        List<Object> targets = new ArrayList<>();
        for (QualityTarget t : b.targets()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("key", t.key());
            if (t.submetric() != null) {
                tm.put("submetric", t.submetric());
            }
            tm.put("value", t.value());
            tm.put("direction", t.direction().yamlName());
            targets.add(tm);
        }
        m.put("targets", targets);
        m.put("requiredRuns", b.requiredRuns());
        m.put("olympicDrop", b.olympicDrop());
        m.put("rounds", b.rounds());
        m.put("source", b.source());
        return m;
    }

    static String write(Format format, Object value) {
        if (format == Format.JSON) {
            return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(value) + System.lineSeparator();
        }
        return YAMLMapper.builder().disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
                .enable(YAMLWriteFeature.MINIMIZE_QUOTES, YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS).build().writeValueAsString(value);
    }
}
