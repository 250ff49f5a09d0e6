package dev.kubebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RenderCommandTest {
    private static final Path CONFIGS = Path.of(System.getProperty("kubebench.root"), "mlperf-configs");

    @TempDir
    Path tmp;

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.newCommandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void rendersEveryTrialOfTheResnetSpecReproducibly() {
        String spec = CONFIGS.resolve("mlperf-resnet.yaml").toString();
        Result r = run("render", spec);
        assertEquals(0, r.exit(), r.err());
        assertEquals(5, count(r.out(), "\nkind: PyTorchJob\n"), "one job per repetition");
        assertTrue(r.out().startsWith("# trial 0, repetition 0: PyTorchJob mlperf-resnet-000000-0\n---\n"), r.out());
        assertTrue(r.out().contains("kubebench.dev/run-id: render-000000"));
        assertTrue(r.out().contains("kueue.x-k8s.io/queue-name: mlperf"));
        assertTrue(r.out().contains("nvidia.com/gpu: 8"));
        assertEquals(r.out(), run("render", spec).out(), "same output every time");
    }

    @Test
    void profileSetRunIdAndNamespaceApply() {
        Result r = run("render", CONFIGS.resolve("mlperf-resnet.yaml").toString(), "--profile", "smoke",
                "--set", "parameters.image=registry.example/smoke:1", "--run-id", "20261128-120000-abc123",
                "-n", "perf");
        assertEquals(0, r.exit(), r.err());
        assertEquals(1, count(r.out(), "\nkind: ConfigMap\n"));
        assertTrue(r.out().contains("name: mlperf-resnet-abc123-0-files"), r.out());
        assertTrue(r.out().contains("namespace: perf"));
        assertTrue(r.out().contains("image: registry.example/smoke:1"));
        assertFalse(r.out().contains("nvidia.com/gpu"), "the smoke profile runs on CPU");
        assertFalse(r.out().contains("kueue.x-k8s.io"), "and without a queue");
    }

    @Test
    void jsonIsAnArrayOfTrials() {
        Result r = run("render", CONFIGS.resolve("mlperf-resnet.yaml").toString(), "-o", "json",
                "--set", "parameters.workers=3");
        assertEquals(0, r.exit(), r.err());
        JsonNode json = JsonMapper.builder().build().readTree(r.out());
        assertEquals(5, json.size());
        assertEquals(4, json.get(4).get("repetition").asInt());
        assertEquals(3, json.get(0).at("/objects/0/spec/pytorchReplicaSpecs/Worker/replicas").asInt());
        assertEquals(4, json.get(0).at("/objects/0/spec/runPolicy/schedulingPolicy/minAvailable").asInt());
    }

    @Test
    void invalidSpecExitsTwoWithFileLineColumnAndSuggestion() throws IOException {
        Path spec = tmp.resolve("bad.yaml");
        Files.writeString(spec, String.join("\n", List.of(
                "apiVersion: kubebench.dev/v1alpha1",
                "kind: Benchmark",
                "metadata: {name: bad}",
                "spec:",
                "  workload: mlperf/resnet",
                "  job: {kind: PyTorchJob, image: img, replicas: {Master: 1}}",
                "  timeoutt: 2h",
                "")));
        Result r = run("render", spec.toString());
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err().contains(spec + ":7:3: spec.timeoutt:"), r.err());
        assertTrue(r.err().contains("timeout"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertEquals("", r.out());
    }

    @Test
    void badRunIdIsAUsageError() {
        Result r = run("render", CONFIGS.resolve("mlperf-resnet.yaml").toString(), "--run-id", "not valid!");
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err().contains("--run-id 'not valid!' is not a valid label value"), r.err());
    }

    @Test
    void helpDescribesTheCommand() {
        Result r = run("render", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("--profile"));
        assertTrue(r.out().contains("--run-id"));
    }
}
