package dev.kubebench.catalog.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Careless specs (issue 12 items 4, 7, 9) get one validation error naming the field and what it got: unequal zip
 * lists, a timeout over 30 days, numbers out of range, empty names and programs, NUL characters, image references
 * outside the OCI grammar, UTF-32 files and Jackson's limits in plain words.
 */
class CarelessSpecTest {
    private static final String BASE = """
            apiVersion: kubebench.dev/v1alpha1
            kind: Benchmark
            metadata: {name: careless}
            spec:
              workload: {name: careless, metric: throughput_samples_per_s, direction: higher}
              job:
                kind: Job
                image: busybox
                command: [sh, -c, "echo {{ .a }} {{ .b }}"]
                replicas: {Worker: 1}
              parameters: {a: 1, b: 2}
              repetitions: 1
              timeout: 1m
            """;

    @TempDir
    Path dir;

    private String problem(String spec, String... sets) throws IOException {
        return problem(spec.getBytes(StandardCharsets.UTF_8), sets);
    }

    private String problem(byte[] spec, String... sets) throws IOException {
        Path f = Files.write(dir.resolve("careless.yaml"), spec);
        KubebenchException e = assertThrows(KubebenchException.class,
                () -> new SpecLoader().load(f, null, List.of(sets)));
        assertEquals(Failure.INVALID_INPUT, e.failure());
        assertEquals(1, e.problems().size(), e.problems().toString());
        String p = e.problems().get(0);
        assertFalse(p.contains("\n"), p);
        return p;
    }

    private static String with(String from, String to) {
        assertTrue(BASE.contains(from), from);
        return BASE.replace(from, to);
    }

    @Test
    void theBaseSpecIsValid() throws IOException {
        Path f = Files.writeString(dir.resolve("ok.yaml"), BASE);
        assertEquals(1, new SpecLoader().load(f, null, List.of()).trials().size());
    }

    @Test
    void zipListsOfUnequalLengthNameTheFieldAndTheLengths() throws IOException {
        String p = problem(with("  repetitions: 1", "  sweep: {zip: {a: [1, 2, 3], b: [1]}}\n  repetitions: 1"));
        assertTrue(p.endsWith("spec.sweep.zip.b: has 1 values but 'a' has 3; zip lists must have the same length"), p);
        String set = problem(with("  repetitions: 1", "  sweep: {zip: {a: [1, 2], b: [1, 2]}}\n  repetitions: 1"),
                "spec.sweep.zip.b=[1, 2, 3]");
        assertTrue(set.contains("spec.sweep.zip.b: has 3 values but 'a' has 2"), set);
    }

    @Test
    void anIndexIntoAMissingListIsAnErrorNotACrash() throws IOException {
        // found by SpecFuzzTest: a NullPointerException (exit 1) before
        String p = problem(BASE, "x[5]=true");
        assertEquals("--set x[5]=true: spec.x[5]: not a list", p);
        assertEquals("--set job.y.z[0]=1: spec.job.y.z[0]: not a list", problem(BASE, "job.y.z[0]=1"));
    }

    @Test
    void aTimeoutOverThirtyDaysIsAnError() throws IOException {
        assertTrue(problem(with("timeout: 1m", "timeout: 31d")).endsWith("spec.timeout: must be at most 30d, got 31d"));
        assertTrue(problem(BASE, "timeout=721h").endsWith("spec.timeout: must be at most 30d, got 721h"));
        assertTrue(problem(BASE, "timeout=9223372036854775807s").contains("spec.timeout: '9223372036854775807s'"));
        Path f = Files.writeString(dir.resolve("ok.yaml"), with("timeout: 1m", "timeout: 30d"));
        assertEquals(1, new SpecLoader().load(f, null, List.of()).trials().size());
    }

    @Test
    void numbersOutOfRangeSayWhatTheyGotAndTheRange() throws IOException {
        String gpu = problem(with("    replicas: {Worker: 1}", "    replicas: {Worker: 1}\n    resources: {gpu: 1e308}"));
        assertTrue(gpu.endsWith("spec.job.resources.gpu: must be between 0 and 1024, got 1e308"), gpu);
        String big = problem(with("    replicas: {Worker: 1}", "    replicas: {Worker: 99999999999999999999999}"));
        assertTrue(big.endsWith("spec.job.replicas.Worker: must be between 0 and 100000, got 99999999999999999999999"),
                big);
        String reps = problem(with("repetitions: 1", "repetitions: 1e20"));
        assertTrue(reps.endsWith("spec.repetitions: must be between 1 and 10000, got 1e20"), reps);
        String cpu = problem(with("    replicas: {Worker: 1}", "    replicas: {Worker: 1}\n    resources: {cpu: 1e308}"));
        assertTrue(cpu.endsWith("spec.job.resources.cpu: must be at most 9e15 (what a Kubernetes quantity holds), "
                + "got 1e308"), cpu);
        String memory = problem(with("    replicas: {Worker: 1}",
                "    replicas: {Worker: 1}\n    resources: {memory: 99999999Ei}"));
        assertTrue(memory.contains("spec.job.resources.memory: must be at most 9e15"), memory);
    }

    @Test
    void emptyNamesAndProgramsAreErrors() throws IOException {
        assertTrue(problem(with("workload: {name: careless,", "workload: {name: \"\",")).endsWith(
                "spec.workload.name: must not be empty"));
        assertTrue(problem(with("command: [sh,", "command: [\"\",")).endsWith(
                "spec.job.command[0]: must not be empty (the program to run)"));
        assertTrue(problem(with("  repetitions: 1",
                "  gates: [{metric: \" \", direction: lower, maxRegression: 5%}]\n  repetitions: 1")).endsWith(
                "spec.gates[0].metric: must not be empty"));
        String extractor = problem(with("  repetitions: 1",
                "  collect: [{extract: [{name: \"\", regex: \"v=(?<value>[0-9]+)\"}]}]\n  repetitions: 1"));
        assertTrue(extractor.contains("].name: must not be empty"), extractor);
    }

    @Test
    void aNulCharacterInAnEnvValueOrArgumentIsAValidationError() throws IOException {
        String env = problem(with("    replicas: {Worker: 1}", "    replicas: {Worker: 1}\n    env: {X: \"a\\0b\"}"));
        assertTrue(env.contains(":11:") && env.contains("spec.job.env.X: contains a NUL character"), env);
        String arg = problem(with("command: [sh, -c,", "command: [sh, \"-\\0c\","));
        assertTrue(arg.contains("spec.job.command[1]: contains a NUL character"), arg);
    }

    @Test
    void imageReferencesFollowTheOciGrammar() throws IOException {
        for (String ok : List.of("busybox", "busybox:1.36", "library/busybox", "registry.example/mlperf/resnet:5.0",
                "localhost:5000/a/b", "nvcr.io/nvidia/pytorch:24.04-py3", "[::1]:5000/x:y", "a__b/c-d.e_f:T-1.x",
                "busybox@sha256:" + "a".repeat(64), "r.example:443/p/q:t@sha512:" + "0".repeat(128))) {
            assertEquals(Optional.empty(), ImageReferences.problem(ok), ok);
        }
        for (String bad : List.of("Busybox", "registry.example/Foo/bar:1", "busybox:", "busybox:-x", "a//b",
                "busybox@sha256:xyz", "bad_host!/x", "registry:port/x", "a/b:" + "t".repeat(129),
                "x/" + "a".repeat(300), "-busybox", "busy box")) {
            assertTrue(ImageReferences.problem(bad).isPresent(), bad);
        }
        String p = problem(with("image: busybox", "image: registry.example/Foo/bar:1"));
        assertTrue(p.endsWith("spec.job.image: 'registry.example/Foo/bar:1' is not a valid image reference: "
                + "path components must be lowercase"), p);
    }

    @Test
    void aHugeImageIsRejectedFastWithoutEchoingIt() throws IOException {
        String huge = "a".repeat(3 * 1024 * 1024);
        String file = problem(with("image: busybox", "image: " + huge));
        assertTrue(file.endsWith(":8:1: line is 3145739 characters long; a spec line may be at most 65536"), file);
        long start = System.nanoTime();
        String p = problem(BASE, "job.image=" + huge);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(p.length() < 300, "not echoed: " + p.length() + " characters");
        assertTrue(p.contains("is 3145728 characters long; an image reference has at most"), p);
        // the bound is for the image check, not for loading a 3 MB --set; measured on the check alone
        start = System.nanoTime();
        assertTrue(ImageReferences.problem("a".repeat(4 * 1024 * 1024)).isPresent());
        assertTrue(System.nanoTime() - start < 100_000_000L, "4 MB image checked in under 100 ms");
        assertTrue(millis < 5_000, millis + " ms");
    }

    @Test
    void utf32IsCalledUtf32() throws IOException {
        assertTrue(problem(BASE.getBytes(Charset.forName("UTF-32"))).endsWith(
                ":1:1: the file is UTF-32 (big-endian); specs must be UTF-8"));
        assertTrue(problem(BASE.getBytes(Charset.forName("UTF-32LE"))).endsWith(
                ":1:1: the file is UTF-32 (little-endian); specs must be UTF-8"));
        byte[] bom = {(byte) 0xFF, (byte) 0xFE, 0, 0};
        byte[] body = BASE.getBytes(Charset.forName("UTF-32LE"));
        byte[] withBom = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, withBom, 0, 4);
        System.arraycopy(body, 0, withBom, 4, body.length);
        assertTrue(problem(withBom).endsWith(":1:1: the file is UTF-32 (little-endian); specs must be UTF-8"));
        assertTrue(problem(BASE.getBytes(StandardCharsets.UTF_16LE)).endsWith(
                ":1:1: the file is UTF-16 (little-endian); specs must be UTF-8"));
    }

    @Test
    void jacksonLimitsAreSaidInPlainWords() throws IOException {
        String p = problem("apiVersion: " + "1".repeat(2000) + "\n");
        assertTrue(p.endsWith("invalid YAML: number longer than 1000 digits"), p);
        assertEquals("nesting too deep (more than 1000 levels)", JacksonMessages.plain("Document nesting depth (1001) "
                + "exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)"));
        assertEquals("string value longer than 20000000 characters", JacksonMessages.plain("String value length "
                + "(20000001) exceeds the maximum allowed (20000000, from `StreamReadConstraints.getMaxStringLength()`)"));
        assertEquals("unexpected end of input", JacksonMessages.plain(
                "unexpected end of input (from `tools.jackson.core.StreamReadFeature`)"));
    }
}
