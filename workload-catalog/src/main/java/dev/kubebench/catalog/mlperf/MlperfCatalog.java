package dev.kubebench.catalog.mlperf;

import dev.kubebench.core.metric.Direction;
import dev.kubebench.catalog.spec.QualityTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The MLPerf Training benchmarks, read from the bundled {@code benchmarks.yaml} (one data file with its sources).
 * Immutable; {@link #standard()} is loaded once.
 */
public final class MlperfCatalog {
    private static final String RESOURCE = "benchmarks.yaml";
    private static final MlperfCatalog STANDARD = load();

    private final List<MlperfBenchmark> benchmarks;

    private MlperfCatalog(List<MlperfBenchmark> benchmarks) {
        this.benchmarks = List.copyOf(benchmarks);
    }

    /** The bundled catalog. */
    public static MlperfCatalog standard() {
        return STANDARD;
    }

    /** All benchmarks in file order. */
    public List<MlperfBenchmark> all() {
        return benchmarks;
    }

    /**
     * Finds a benchmark by catalog id ({@code mlperf/resnet}) or by its MLPerf name ({@code resnet}), ignoring case.
     */
    public Optional<MlperfBenchmark> find(String idOrName) {
        if (idOrName == null) {
            return Optional.empty();
        }
        String key = idOrName.trim().toLowerCase(Locale.ROOT);
        for (MlperfBenchmark b : benchmarks) {
            if (b.id().equals(key) || b.name().equals(key)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** Catalog ids, for "did you mean" suggestions. */
    public List<String> ids() {
        return benchmarks.stream().map(MlperfBenchmark::id).toList();
    }

    private static MlperfCatalog load() {
        try (InputStream in = MlperfCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing catalog resource " + RESOURCE);
            }
            JsonNode root = YAMLMapper.builder().build().readTree(in);
            List<MlperfBenchmark> list = new ArrayList<>();
            for (JsonNode b : root.required("benchmarks")) {
                List<QualityTarget> targets = new ArrayList<>();
                for (JsonNode t : b.required("targets")) {
                    targets.add(new QualityTarget(t.required("key").asString(),
                            t.has("submetric") ? t.get("submetric").asString() : null,
                            t.required("value").asDouble(),
                            Direction.valueOf(t.required("direction").asString().toUpperCase(Locale.ROOT))));
                }
                List<String> rounds = new ArrayList<>();
                b.required("rounds").forEach(r -> rounds.add(r.asString()));
                list.add(new MlperfBenchmark(b.required("id").asString(), b.required("name").asString(),
                        b.required("model").asString(), b.required("dataset").asString(), targets,
                        b.required("requiredRuns").asInt(), b.required("olympicDrop").asInt(), rounds,
                        b.required("source").asString()));
            }
            return new MlperfCatalog(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
