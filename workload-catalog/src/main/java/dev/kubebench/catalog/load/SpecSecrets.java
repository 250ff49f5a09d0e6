package dev.kubebench.catalog.load;

import dev.kubebench.catalog.plan.BenchmarkPlan;
import dev.kubebench.catalog.plan.Trial;
import dev.kubebench.catalog.spec.BenchmarkSpec;
import dev.kubebench.catalog.spec.EnvValue;
import dev.kubebench.core.secret.Redactor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * What of a spec is secret, and the spec as text with it masked: literal values of {@code job.env} and
 * {@code local.env} variables and of {@code parameters} (after sweep substitution, in every trial) whose names
 * {@linkplain Redactor#secretName look secret}. {@code valueFrom} references are not secrets; their resolved values are
 * added by whoever resolves them.
 */
public final class SpecSecrets {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES, YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();

    private SpecSecrets() {
    }

    /** The secret literal values of every trial of the plan (and of its resolved base spec). */
    public static Set<String> literals(BenchmarkPlan plan) {
        Set<String> out = new LinkedHashSet<>();
        add(plan.resolved().spec(), out);
        for (Trial t : plan.trials()) {
            add(t.benchmark().spec(), out);
        }
        return out;
    }

    /**
     * The values of {@code --set path=value} arguments whose last path segment looks secret
     * ({@code parameters.token=...}, {@code job.env.HF_TOKEN=...}): masked in what a command prints even when the
     * spec does not load.
     */
    public static Set<String> overrides(List<String> sets) {
        Set<String> out = new LinkedHashSet<>();
        for (String set : sets == null ? List.<String>of() : sets) {
            int eq = set.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String path = set.substring(0, eq).replaceAll("\\[[0-9]*\\]$", "");
            String last = path.substring(path.lastIndexOf('.') + 1).replace("\"", "");
            if (Redactor.secretName(last)) {
                out.add(set.substring(eq + 1));
            }
        }
        return out;
    }

    /** A redactor for the plan's secret literals. */
    public static Redactor redactor(BenchmarkPlan plan) {
        return Redactor.of(literals(plan));
    }

    /**
     * The plan's resolved spec ({@link BenchmarkPlan#resolvedYaml()}, or any YAML written by the loader) with
     * {@link Redactor#redactTree} applied: what benchmark.yaml holds.
     */
    public static String redactYaml(String yaml, Redactor redactor) {
        Object tree = YAML.readValue(yaml, Object.class);
        return YAML.writeValueAsString(redactor.redactTree(tree));
    }

    private static void add(BenchmarkSpec spec, Set<String> out) {
        List<Map<String, EnvValue>> envs = new ArrayList<>();
        envs.add(spec.job().env());
        if (spec.local() != null) {
            envs.add(spec.local().env());
        }
        for (Map<String, EnvValue> env : envs) {
            env.forEach((name, value) -> {
                if (value instanceof EnvValue.Literal && Redactor.secretName(name)) {
                    out.add(((EnvValue.Literal) value).value());
                }
            });
        }
        spec.parameters().forEach((name, value) -> {
            if (value != null && Redactor.secretName(name)) {
                out.add(String.valueOf(value));
            }
        });
    }
}
