package dev.kubebench.runner.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.catalog.plan.BenchmarkPlan;
import dev.kubebench.catalog.spec.Benchmark;
import dev.kubebench.catalog.spec.EnvValue;
import dev.kubebench.catalog.spec.JobKind;
import dev.kubebench.catalog.spec.JobSpec;
import dev.kubebench.catalog.spec.LocalSpec;
import dev.kubebench.catalog.spec.Resources;
import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.runner.TestSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local values of valueFrom references: --secret-env-file, then kubebench's environment, never the spec. */
class ReferenceValuesTest {
    private static final Replica MASTER = new Replica("Master", 0, "bench-0-master-0");

    @TempDir
    Path dir;

    private ReferenceValues file(String text, Map<String, String> hostEnv) throws IOException {
        Path f = dir.resolve("secrets.env");
        Files.writeString(f, text);
        return ReferenceValues.read(f, hostEnv);
    }

    @Test
    void fileLinesAreNameEqualsValueVerbatim() throws IOException {
        ReferenceValues v = file("# comment\n\nHF_TOKEN=hf_abc=def \"q\"\r\nEMPTY=\n", Map.of());
        assertEquals(Map.of("HF_TOKEN", "hf_abc=def \"q\"", "EMPTY", ""), v.file());
    }

    @Test
    void badFileLinesNameFileAndLineButNeverTheirContent() throws IOException {
        KubebenchException e = assertThrows(KubebenchException.class,
                () -> file("HF_TOKEN=ok\nhf_this_is_a_secret_line\n1BAD=hf_value_secret\nHF_TOKEN=again\n", Map.of()));
        assertEquals(Failure.INVALID_INPUT, e.failure());
        Path f = dir.resolve("secrets.env");
        assertEquals(List.of(f + ":2: expected NAME=VALUE with NAME a valid environment variable name",
                f + ":3: expected NAME=VALUE with NAME a valid environment variable name",
                f + ":4: HF_TOKEN is given twice"), e.problems());
        KubebenchException missing = assertThrows(KubebenchException.class,
                () -> ReferenceValues.read(dir.resolve("nope.env"), Map.of()));
        assertEquals(Failure.INVALID_INPUT, missing.failure());
        assertTrue(missing.getMessage().contains("nope.env: no such file"), missing.getMessage());
    }

    @Test
    void referencesResolveByTheVariablesNameFromTheFileThenTheEnvironment() throws IOException {
        ReferenceValues v = file("HF_TOKEN=from-file\n", Map.of("HF_TOKEN", "from-env", "MODEL", "resnet"));
        assertEquals("from-file", v.resolve("job.env.HF_TOKEN", "HF_TOKEN",
                new EnvValue.SecretKeyRef("hf", "token", false), MASTER));
        assertEquals("resnet", v.resolve("job.env.MODEL", "MODEL",
                new EnvValue.ConfigMapKeyRef("models", "name", false), MASTER));
        assertNull(v.resolve("job.env.OPT", "OPT", new EnvValue.SecretKeyRef("s", "k", true), MASTER));
        assertEquals("x", v.resolve("job.env.L", "L", EnvValue.literal("x"), MASTER));
    }

    @Test
    void aMissingSecretIsBadInputNamingTheVariable() {
        ReferenceValues v = ReferenceValues.of(Map.of());
        KubebenchException e = assertThrows(KubebenchException.class, () -> v.resolve("job.env.HF_TOKEN", "HF_TOKEN",
                new EnvValue.SecretKeyRef("hf", "token", false), MASTER));
        assertEquals(Failure.INVALID_INPUT, e.failure());
        assertEquals(List.of("job.env.HF_TOKEN: secretKeyRef needs HF_TOKEN in --secret-env-file or in kubebench's"
                + " environment (the local backend has no cluster to read it from)"), e.problems());
    }

    @Test
    void fieldRefsMapToTheLocalReplicaOrAreAnError() {
        ReferenceValues v = ReferenceValues.of(Map.of("HOSTNAME", "gpu-box"));
        assertEquals("bench-0-master-0", v.resolve("e", "N", new EnvValue.FieldRef("metadata.name"), MASTER));
        assertEquals("default", v.resolve("e", "N", new EnvValue.FieldRef("metadata.namespace"), MASTER));
        assertEquals("gpu-box", v.resolve("e", "N", new EnvValue.FieldRef("spec.nodeName"), MASTER));
        assertEquals("127.0.0.1", v.resolve("e", "N", new EnvValue.FieldRef("status.podIP"), MASTER));
        KubebenchException e = assertThrows(KubebenchException.class,
                () -> v.resolve("job.env.UID", "UID", new EnvValue.FieldRef("metadata.uid"), MASTER));
        assertEquals(Failure.INVALID_INPUT, e.failure());
        assertTrue(e.getMessage().startsWith("job.env.UID: fieldRef metadata.uid has no equivalent"), e.getMessage());
    }

    private static BenchmarkPlan plan(Map<String, EnvValue> jobEnv, Map<String, EnvValue> localEnv) {
        JobSpec job = new JobSpec(JobKind.PYTORCH_JOB, null, "img", List.of("python3", "x.py"), List.of(), jobEnv,
                Map.of("Master", 1, "Worker", 1), Resources.NONE, Map.of(), null, null, null, null, null);
        Benchmark b = TestSpecs.benchmark("bench", job, Duration.ofMinutes(1), new LocalSpec(List.of(), localEnv));
        return TestSpecs.plan(List.of(b));
    }

    @Test
    void checkListsEveryUnresolvedVariableAndReturnsTheSecretValues() throws IOException {
        Map<String, EnvValue> env = new LinkedHashMap<>();
        env.put("HF_TOKEN", new EnvValue.SecretKeyRef("hf", "token", false));
        env.put("MODEL", new EnvValue.ConfigMapKeyRef("m", "k", false));
        env.put("NCCL_DEBUG", EnvValue.literal("WARN"));
        env.put("DB_PASSWORD", new EnvValue.ConfigMapKeyRef("db", "pw", false));
        ReferenceValues v = file("HF_TOKEN=hf_resolved\nUNUSED=unused-secret\n",
                Map.of("MODEL", "resnet", "DB_PASSWORD", "pw-from-env"));
        assertEquals(Set.of("hf_resolved", "unused-secret", "pw-from-env"), v.check(plan(env, Map.of())),
                "a ConfigMap value counts as secret only under a secret-looking name");

        Map<String, EnvValue> missing = Map.of("A_KEY", new EnvValue.SecretKeyRef("a", "k", false));
        KubebenchException e = assertThrows(KubebenchException.class,
                () -> ReferenceValues.of(Map.of()).check(plan(env, missing)));
        assertEquals(4, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(3).startsWith("local.env.A_KEY: secretKeyRef needs A_KEY"), e.problems().toString());
    }

    @Test
    void replicasGetResolvedValuesAndAnOptionalMissingOneIsUnset() {
        Map<String, EnvValue> env = new LinkedHashMap<>();
        env.put("HF_TOKEN", new EnvValue.SecretKeyRef("hf", "token", false));
        env.put("OPT", new EnvValue.SecretKeyRef("o", "k", true));
        env.put("POD", new EnvValue.FieldRef("metadata.name"));
        BenchmarkPlan plan = plan(env, Map.of());
        JobSpec job = plan.resolved().spec().job();
        List<Replica> replicas = OperatorEnvironment.replicasOf("bench-0", job);
        Map<String, Integer> ports = new LinkedHashMap<>();
        replicas.forEach(r -> ports.put(r.pod(), 41000 + ports.size()));
        OperatorEnvironment operator = new OperatorEnvironment("bench-0", job, ports, null);
        ReplicaLaunch launch = ReplicaLaunch.of(plan.resolved().spec(), operator, replicas.get(1), "r1", 0,
                dir, Map.of(), new ReferenceValues(Map.of("HF_TOKEN", "hf_value"), Map.of()));
        assertEquals("hf_value", launch.env().get("HF_TOKEN"));
        assertEquals(replicas.get(1).pod(), launch.env().get("POD"));
        assertFalse(launch.env().containsKey("OPT"));
    }
}
