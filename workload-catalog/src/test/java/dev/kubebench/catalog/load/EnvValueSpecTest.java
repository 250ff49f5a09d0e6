package dev.kubebench.catalog.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.catalog.plan.BenchmarkPlan;
import dev.kubebench.catalog.spec.EnvValue;
import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.core.secret.Redactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** env values: a string or a Kubernetes valueFrom reference; what of a spec is secret, and benchmark.yaml masked. */
class EnvValueSpecTest {
    private static final String HEAD = "apiVersion: kubebench.dev/v1alpha1\nkind: Benchmark\nmetadata: {name: env}\n"
            + "spec:\n  workload: {name: w, metric: throughput_samples_per_s, direction: higher}\n"
            + "  job:\n    kind: Job\n    image: busybox\n    command: [sh, -c, 'true']\n";

    @TempDir
    Path dir;

    private Path spec(String body) throws IOException {
        Path f = dir.resolve("spec.yaml");
        Files.writeString(f, HEAD + body);
        return f;
    }

    private List<String> problems(String body) throws IOException {
        Path f = spec(body);
        KubebenchException e = assertThrows(KubebenchException.class, () -> new SpecLoader().load(f, null, List.of()));
        assertEquals(Failure.INVALID_INPUT, e.failure());
        return e.problems();
    }

    @Test
    void valueFromReferencesBindAsTheirKinds() throws IOException {
        BenchmarkPlan plan = new SpecLoader().load(spec("    env:\n"
                + "      PLAIN: hello\n"
                + "      HF_TOKEN: {valueFrom: {secretKeyRef: {name: hf-secret, key: token}}}\n"
                + "      OPT: {valueFrom: {secretKeyRef: {name: s, key: k, optional: true}}}\n"
                + "      MODEL: {valueFrom: {configMapKeyRef: {name: models, key: model.name}}}\n"
                + "      POD: {valueFrom: {fieldRef: {fieldPath: metadata.name}}}\n"
                + "      ZONE: {valueFrom: {fieldRef: {fieldPath: \"metadata.labels['topology.kubernetes.io/zone']\"}}}\n"
                + "  local:\n    env:\n      LOCAL_KEY: {valueFrom: {secretKeyRef: {name: l, key: k}}}\n"),
                null, List.of());
        Map<String, EnvValue> env = plan.resolved().spec().job().env();
        assertEquals(List.of("PLAIN", "HF_TOKEN", "OPT", "MODEL", "POD", "ZONE"), List.copyOf(env.keySet()));
        assertEquals(EnvValue.literal("hello"), env.get("PLAIN"));
        assertEquals(new EnvValue.SecretKeyRef("hf-secret", "token", false), env.get("HF_TOKEN"));
        assertEquals(new EnvValue.SecretKeyRef("s", "k", true), env.get("OPT"));
        assertEquals(new EnvValue.ConfigMapKeyRef("models", "model.name", false), env.get("MODEL"));
        assertEquals(new EnvValue.FieldRef("metadata.name"), env.get("POD"));
        assertEquals(new EnvValue.FieldRef("metadata.labels['topology.kubernetes.io/zone']"), env.get("ZONE"));
        assertEquals(new EnvValue.SecretKeyRef("l", "k", false), plan.resolved().spec().local().env().get("LOCAL_KEY"));
        assertEquals(Set.of(), SpecSecrets.literals(plan), "references are not secrets themselves");
    }

    @Test
    void badReferencesAreErrorsAtFileLineAndColumnWithoutTheValue() throws IOException {
        List<String> p = problems("    env:\n"
                + "      A: {valueFrom: {secretKeyRef: {name: s}}}\n"
                + "      B: {valueFrom: {secretKeyRef: {name: s, key: k}, fieldRef: {fieldPath: metadata.name}}}\n"
                + "      C: {valueFrom: {fieldRef: {fieldPath: metadata.nmae}}}\n"
                + "      D: {valueFrom: {secretKeyRef: {name: Not_A_Name, key: k}}}\n"
                + "      E: {valueFrom: {secretRef: {name: s}}}\n"
                + "      F: {value: hf_secret_value_1234}\n"
                + "      G: [hf_secret_value_1234]\n"
                + "      H: {valueFrom: {configMapKeyRef: {name: c, key: k, optional: maybe}}}\n");
        String f = dir.resolve("spec.yaml").toString();
        assertTrue(p.contains(f + ":11:37: spec.job.env.A.valueFrom.secretKeyRef.key: required field is missing"),
                p.toString());
        assertTrue(p.contains(f + ":12:22: spec.job.env.B.valueFrom: expected exactly one of secretKeyRef,"
                + " configMapKeyRef, fieldRef, got secretKeyRef and fieldRef"), p.toString());
        assertTrue(p.stream().anyMatch(l -> l.startsWith(f + ":13:45: spec.job.env.C.valueFrom.fieldRef.fieldPath:"
                + " unsupported field path 'metadata.nmae'") && l.contains("did you mean 'metadata.name'")),
                p.toString());
        assertTrue(p.stream().anyMatch(l -> l.startsWith(f + ":14:44: spec.job.env.D.valueFrom.secretKeyRef.name:")),
                p.toString());
        assertTrue(p.stream().anyMatch(l -> l.startsWith(f + ":15:23: spec.job.env.E.valueFrom.secretRef: unknown"
                + " field")), p.toString());
        assertTrue(p.stream().anyMatch(l -> l.startsWith(f + ":16:11: spec.job.env.F.value: unknown field")),
                p.toString());
        assertTrue(p.contains(f + ":17:10: spec.job.env.G: expected a string or {valueFrom: {secretKeyRef |"
                + " configMapKeyRef | fieldRef: ...}}, got a list"), p.toString());
        assertTrue(p.stream().anyMatch(l -> l.startsWith(f + ":18:68: spec.job.env.H.valueFrom.configMapKeyRef"
                + ".optional: expected true or false")), p.toString());
        assertEquals(1, p.stream().filter(l -> l.contains("env.E")).count(), "one problem per variable: " + p);
        assertEquals(1, p.stream().filter(l -> l.contains("env.F")).count(), "one problem per variable: " + p);
        assertFalse(p.toString().contains("hf_secret_value_1234"), "a value is never quoted: " + p);
    }

    @Test
    void secretLookingLiteralsAndParametersAreTheSpecsSecrets() throws IOException {
        Path f = spec("    args: ['{{ .token }}']\n    env:\n      HF_TOKEN: hf_literal_token_1\n      NCCL_DEBUG: WARN\n"
                + "      DB_PASSWORD: pw\n"
                + "  local:\n    env:\n      AWS_SECRET_ACCESS_KEY: aws_secret_2\n"
                + "  parameters: {token: default-token, workers: 2}\n");
        BenchmarkPlan plan = new SpecLoader().load(f, null, List.of("parameters.token=hf_param_token_3"));
        assertEquals(Set.of("hf_literal_token_1", "pw", "aws_secret_2", "hf_param_token_3"),
                SpecSecrets.literals(plan));

        String yaml = SpecSecrets.redactYaml(plan.resolvedYaml(), SpecSecrets.redactor(plan));
        for (String secret : List.of("hf_literal_token_1", "aws_secret_2", "hf_param_token_3")) {
            assertTrue(plan.resolvedYaml().contains(secret), secret);
            assertFalse(yaml.contains(secret), yaml);
        }
        assertTrue(yaml.contains("DB_PASSWORD: '***'"), yaml);
        assertTrue(yaml.contains("NCCL_DEBUG: WARN"), yaml);
        // the masked record still loads (reports and compare read it back)
        Path recorded = dir.resolve("benchmark.yaml");
        Files.writeString(recorded, yaml);
        assertEquals(EnvValue.literal(Redactor.MASK),
                SpecLoader.forRecordedRun().load(recorded, null, List.of()).resolved().spec().job().env().get("HF_TOKEN"));
    }
}
