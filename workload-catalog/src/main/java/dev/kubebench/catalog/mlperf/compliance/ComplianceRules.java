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
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The MLPerf Training compliance rules of every round kubebench knows: the bundled {@code compliance.yaml} lists
 * the rounds with their sources, and each round's rules are in {@code compliance/training_<ruleset>.json}, read the
 * first time that round is asked for (checking a directory reads only its round; a cold start pays for one file,
 * not six; JSON because it parses several times faster than YAML in a fresh JVM). {@link #standard()} is
 * thread-safe.
 */
public final class ComplianceRules {
    private static final String DIR = "/dev/kubebench/catalog/mlperf/";
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ComplianceRules STANDARD = load();

    /** One line of the index: a round, its rules' version, its source and the resource holding its rules. */
    private record Round(String round, String ruleset, String source, String resource) {
    }

    private final List<Round> rounds;
    private final Map<String, RuleSet> loaded = new ConcurrentHashMap<>();

    private ComplianceRules(List<Round> rounds) {
        this.rounds = List.copyOf(rounds);
    }

    /** The bundled rules. */
    public static ComplianceRules standard() {
        return STANDARD;
    }

    /** Every round, oldest first (reads every round's rules). */
    public List<RuleSet> all() {
        return rounds.stream().map(this::rules).toList();
    }

    /** Every key some rule of some round is about (reads every round's rules). */
    public Set<String> keys() {
        Set<String> all = new HashSet<>();
        all().forEach(r -> all.addAll(r.keys()));
        return all;
    }

    /** The rules of a round named {@code 4.0}, {@code 4.0.0} or {@code v4.0}. */
    public Optional<RuleSet> find(String round) {
        if (round == null) {
            return Optional.empty();
        }
        String r = round.trim().startsWith("v") ? round.trim().substring(1) : round.trim();
        return rounds.stream().filter(x -> x.round().equals(r) || x.ruleset().equals(r)).findFirst().map(this::rules);
    }

    /** The newest round that accepts this benchmark and has rules for it. */
    public Optional<RuleSet> newestFor(String benchmark) {
        for (int i = rounds.size() - 1; i >= 0 && benchmark != null; i--) {
            RuleSet r = rules(rounds.get(i));
            if (r.allows(benchmark)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The rulesets, oldest first, for messages. */
    public List<String> rulesets() {
        return rounds.stream().map(Round::ruleset).toList();
    }

    private RuleSet rules(Round round) {
        return loaded.computeIfAbsent(round.ruleset(), k -> {
            JsonNode root = read(JSON, DIR + "compliance/" + round.resource());
            Map<String, RuleFile> files = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> f : root.properties()) {
                List<KeyRule> rules = new ArrayList<>();
                for (JsonNode rule : f.getValue()) {
                    rules.add(RuleReader.rule(rule));
                }
                files.put(f.getKey(), new RuleFile(f.getKey(), rules));
            }
            return new RuleSet(round.round(), round.ruleset(), round.source(), files);
        });
    }

    private static ComplianceRules load() {
        List<Round> rounds = new ArrayList<>();
        for (JsonNode r : read(YAML, DIR + "compliance.yaml").required("rounds")) {
            rounds.add(new Round(r.required("round").asString(), r.required("ruleset").asString(),
                    r.required("source").asString(), r.required("rules").asString()));
        }
        return new ComplianceRules(rounds);
    }

    private static JsonNode read(ObjectMapper mapper, String resource) {
        try (InputStream in = ComplianceRules.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing compliance rules resource " + resource);
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
