package dev.kubebench.runner.local;

import dev.kubebench.core.trial.TrialState;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.catalog.spec.Benchmark;
import dev.kubebench.catalog.spec.JobKind;
import dev.kubebench.catalog.spec.JobSpec;
import dev.kubebench.catalog.spec.Resources;
import dev.kubebench.runner.TestSpecs;
import dev.kubebench.runner.Timeline;
import dev.kubebench.runner.TrialContext;
import dev.kubebench.core.trial.TrialOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference workloads run as real distributed jobs through {@link LocalBackend}. Needs a Python with torch,
 * torchvision and scikit-learn: {@code $KUBEBENCH_PYTHON}, else {@code /usr/bin/python3}.
 */
class TorchWorkloadTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path WORKLOADS = Path.of(System.getProperty("kubebench.root"), "workload-catalog",
            "workloads");
    private static String python;

    @TempDir
    Path dir;

    @BeforeAll
    static void findPython() throws Exception {
        String candidate = System.getenv().getOrDefault(ReplicaLaunch.PYTHON_VARIABLE, "/usr/bin/python3");
        boolean usable = false;
        if (Files.isExecutable(Path.of(candidate))) {
            // find_spec locates the packages without importing torch, which takes seconds on a busy machine.
            Process probe = new ProcessBuilder(candidate, "-c", "import importlib.util as u, sys; "
                    + "sys.exit(0 if all(u.find_spec(m) for m in ('torch', 'torchvision', 'sklearn')) else 1)")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            usable = probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0;
        }
        Assumptions.assumeTrue(usable, "assumption: no Python with torch, torchvision and sklearn at " + candidate
                + " (set KUBEBENCH_PYTHON or install python3-torch python3-torchvision python3-sklearn)");
        python = candidate;
    }

    private TrialOutcome run(Benchmark benchmark) throws InterruptedException {
        Map<String, String> host = new HashMap<>(System.getenv());
        host.put(ReplicaLaunch.PYTHON_VARIABLE, python);
        LocalBackend backend = new LocalBackend(host, Duration.ofSeconds(5));
        try (Timeline timeline = Timeline.open(dir, Clock.systemUTC())) {
            return backend.runTrial(TestSpecs.trial(0, benchmark),
                    new TrialContext("20261128-120000-abc123", dir, timeline, null, null, false));
        }
    }

    private static List<JsonNode> mllog(Path log) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith(":::MLLOG ")) {
                JsonNode event = JSON.readTree(line.substring(":::MLLOG ".length()));
                List<String> fields = new ArrayList<>(event.propertyNames());
                assertEquals(List.of("namespace", "time_ms", "event_type", "key", "value", "metadata"), fields, line);
                assertTrue(event.path("metadata").has("file") && event.path("metadata").has("lineno"), line);
                events.add(event);
            }
        }
        return events;
    }

    private static List<JsonNode> withKey(List<JsonNode> events, String key) {
        return events.stream().filter(e -> e.path("key").asString().equals(key)).collect(Collectors.toList());
    }

    @Test
    void resnetRunsAsAPyTorchJobWithMasterAndWorker() throws Exception {
        JobSpec job = new JobSpec(JobKind.PYTORCH_JOB, null, "pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime",
                List.of("python3", "/workspace/kubebench/resnet_ddp.py"),
                List.of("--image-size", "32", "--batch-size", "4", "--steps", "2", "--warmup-steps", "0",
                        "--num-classes", "10"),
                Map.of(), Map.of("Master", 1, "Worker", 1), Resources.NONE,
                Map.of("resnet_ddp.py", WORKLOADS.resolve("resnet_ddp.py")), null, null, null, null, null);
        TrialOutcome outcome = run(TestSpecs.benchmark("resnet", job, Duration.ofMinutes(3), null));
        assertEquals(TrialState.SUCCEEDED, outcome.state(), outcome.reason());

        List<JsonNode> events = mllog(dir.resolve("logs/resnet-abc123-0-master-0.log"));
        List<String> keys = events.stream().map(e -> e.path("key").asString()).distinct()
                .collect(Collectors.toList());
        assertTrue(keys.containsAll(List.of("init_start", "submission_benchmark", "global_batch_size", "init_stop",
                "run_start", "block_start", "epoch_start", "step_time_ms", "tracked_stats", "epoch_stop",
                "block_stop", "run_stop")), keys.toString());
        assertEquals(8, withKey(events, "global_batch_size").get(0).path("value").asInt(), "2 replicas x 4");
        assertEquals(2, withKey(events, "world_size").get(0).path("value").asInt());
        assertEquals(List.of(1, 2), withKey(events, "step_time_ms").stream()
                .map(e -> e.path("metadata").path("step").asInt()).collect(Collectors.toList()));
        for (JsonNode stats : withKey(events, "tracked_stats")) {
            assertTrue(stats.path("value").path("throughput").asDouble() > 0, stats.toString());
        }
        assertEquals(16, withKey(events, "block_stop").get(0).path("metadata").path("samples_count").asInt());
        JsonNode runStop = withKey(events, "run_stop").get(0);
        assertEquals("INTERVAL_END", runStop.path("event_type").asString());
        assertEquals("success", runStop.path("metadata").path("status").asString());
        assertTrue(Files.readString(dir.resolve("logs/resnet-abc123-0-master-0.log")).contains("KUBEBENCH_RESULT {"));
        assertEquals(List.of(), mllog(dir.resolve("logs/resnet-abc123-0-worker-0.log")), "only rank 0 logs MLLOG");
    }

    @Test
    void digitsReachesItsTargetAsATrainJobReadingPetVariables() throws Exception {
        JobSpec job = new JobSpec(JobKind.TRAIN_JOB, null, "img",
                List.of("python3", "$(KUBEBENCH_FILES_DIR)/digits_tta.py", "--target-accuracy", "0.9"), List.of(),
                Map.of(), Map.of("Node", 2), new Resources(0, "1", null),
                Map.of("digits_tta.py", WORKLOADS.resolve("digits_tta.py")), null, null, null, null, null);
        TrialOutcome outcome = run(TestSpecs.benchmark("digits", job, Duration.ofMinutes(3), null));
        assertEquals(TrialState.SUCCEEDED, outcome.state(), outcome.reason());
        List<JsonNode> events = mllog(dir.resolve("logs/digits-abc123-0-node-0-0.log"));
        List<JsonNode> accuracy = withKey(events, "eval_accuracy");
        assertTrue(accuracy.get(accuracy.size() - 1).path("value").asDouble() >= 0.9);
        assertEquals(accuracy.size(), accuracy.get(accuracy.size() - 1).path("metadata").path("epoch_num").asInt());
        assertEquals(2, withKey(events, "submission_platform").size() == 1
                ? Integer.parseInt(withKey(events, "submission_platform").get(0).path("value").asString()
                .split("x")[0]) : -1, "both nodes joined the process group");
        assertEquals("success", withKey(events, "run_stop").get(0).path("metadata").path("status").asString());
    }
}
