package dev.kubebench.catalog.mlperf.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The MLPerf Training compliance rules of every round kubebench knows, read from the bundled
 * {@code compliance.yaml} (facts with their sources, next to the catalog's {@code benchmarks.yaml}). Immutable;
 * {@link #standard()} is loaded once.
 */
public final class ComplianceRules {
    private static final String RESOURCE = "/dev/kubebench/catalog/mlperf/compliance.yaml";
    private static final ComplianceRules STANDARD = load();

    private final List<RuleSet> rounds;
    private final Set<String> keys;

    private ComplianceRules(List<RuleSet> rounds) {
        this.rounds = List.copyOf(rounds);
        Set<String> all = new HashSet<>();
        rounds.forEach(r -> all.addAll(r.keys()));
        this.keys = Set.copyOf(all);
    }

    /** The bundled rules. */
    public static ComplianceRules standard() {
        return STANDARD;
    }

    /** Every round, oldest first. */
    public List<RuleSet> all() {
        return rounds;
    }

    /** Every key some rule of some round is about. */
    public Set<String> keys() {
        return keys;
    }

    /** The rules of a round named {@code 4.0}, {@code 4.0.0} or {@code v4.0}. */
    public Optional<RuleSet> find(String round) {
        if (round == null) {
            return Optional.empty();
        }
        String r = round.trim().startsWith("v") ? round.trim().substring(1) : round.trim();
        return rounds.stream().filter(s -> s.round().equals(r) || s.ruleset().equals(r)).findFirst();
    }

    /** The newest round that accepts this benchmark. */
    public Optional<RuleSet> newestFor(String benchmark) {
        for (int i = rounds.size() - 1; i >= 0; i--) {
            if (benchmark != null && rounds.get(i).allows(benchmark)) {
                return Optional.of(rounds.get(i));
            }
        }
        return Optional.empty();
    }

    /** The rulesets, for messages. */
    public List<String> rulesets() {
        return rounds.stream().map(RuleSet::ruleset).toList();
    }

    private static ComplianceRules load() {
        try (InputStream in = ComplianceRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing compliance rules resource " + RESOURCE);
            }
            JsonNode root = YAMLMapper.builder().build().readTree(in);
            List<RuleSet> rounds = new ArrayList<>();
            for (JsonNode round : root.required("rounds")) {
                Map<String, RuleFile> files = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> f : round.required("files").properties()) {
                    List<KeyRule> rules = new ArrayList<>();
                    for (JsonNode rule : f.getValue()) {
                        rules.add(RuleReader.rule(rule));
                    }
                    files.put(f.getKey(), new RuleFile(f.getKey(), rules));
                }
                rounds.add(new RuleSet(round.required("round").asString(), round.required("ruleset").asString(),
                        round.required("source").asString(), files));
            }
            return new ComplianceRules(rounds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
