package dev.kubebench.runner.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kubebench.catalog.spec.Benchmark;
import dev.kubebench.catalog.spec.EnvValue;
import dev.kubebench.catalog.spec.JobKind;
import dev.kubebench.catalog.spec.JobSpec;
import dev.kubebench.catalog.spec.LocalSpec;
import dev.kubebench.catalog.spec.Resources;
import dev.kubebench.runner.TestSpecs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicaLaunchTest {
    private static final Path FILES = Path.of("/runs/r1/trials/0/files");

    private static ReplicaLaunch launch(JobSpec job, LocalSpec local, Map<String, String> hostEnv, String pod) {
        Benchmark benchmark = TestSpecs.benchmark("bench", job, Duration.ofMinutes(1), local);
        Map<String, Integer> ports = new LinkedHashMap<>();
        List<Replica> replicas = OperatorEnvironment.replicasOf("bench-0", job);
        for (int i = 0; i < replicas.size(); i++) {
            ports.put(replicas.get(i).pod(), 41000 + i);
        }
        OperatorEnvironment operator = new OperatorEnvironment("bench-0", job, ports, null);
        Replica replica = replicas.stream().filter(r -> r.pod().equals(pod)).findFirst().orElseThrow();
        return ReplicaLaunch.of(benchmark.spec(), operator, replica, "r1", 0, FILES, hostEnv);
    }

    private static JobSpec pytorch(List<String> command, List<String> args, Map<String, String> env) {
        return new JobSpec(JobKind.PYTORCH_JOB, null, "img", command, args, EnvValue.literals(env),
                Map.of("Master", 1, "Worker", 1), Resources.NONE, Map.of(), null, null, null, null, null);
    }

    @Test
    void jobCommandAndArgsAreExpandedAgainstTheContainerEnv() {
        JobSpec job = pytorch(List.of("python3", "/workspace/kubebench/train.py"),
                List.of("--master=$(MASTER_ADDR):$(MASTER_PORT)", "--rank", "$(RANK)", "$$(RANK)", "$(HOME)"),
                Map.of());
        ReplicaLaunch launch = launch(job, null, Map.of(), "bench-0-worker-0");
        assertEquals(List.of("python3", "/runs/r1/trials/0/files/train.py", "--master=127.0.0.1:41000", "--rank",
                "1", "$(RANK)", "$(HOME)"), launch.argv(), "host variables such as HOME are not expanded");
    }

    @Test
    void kubebenchVariablesComeFirstSoUserEnvCanUseThem() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DATA", "$(KUBEBENCH_FILES_DIR)/data");
        env.put("PYTHONPATH", "/workspace/kubebench");
        env.put("RANK", "99");
        JobSpec job = pytorch(List.of("python3", "x.py"), List.of(), env);
        ReplicaLaunch launch = launch(job, null, Map.of(), "bench-0-master-0");
        assertEquals("/runs/r1/trials/0/files/data", launch.env().get("DATA"));
        assertEquals("/runs/r1/trials/0/files", launch.env().get("PYTHONPATH"));
        assertEquals("0", launch.env().get("RANK"), "the operator's variable is appended after the user's");
        assertEquals("r1", launch.env().get("KUBEBENCH_RUN_ID"));
        assertEquals("0", launch.env().get("KUBEBENCH_TRIAL"));
        assertEquals("/runs/r1/trials/0/files", launch.env().get("KUBEBENCH_FILES_DIR"));
    }

    @Test
    void localCommandAndEnvReplaceTheContainers() {
        JobSpec job = pytorch(List.of("torchrun", "/workspace/train.py"), List.of("--ignored"), Map.of());
        LocalSpec local = new LocalSpec(List.of("python3", "$(KUBEBENCH_FILES_DIR)/resnet_ddp.py", "--steps", "2"),
                EnvValue.literals(Map.of("OMP_NUM_THREADS", "1", "RANK", "7")));
        ReplicaLaunch launch = launch(job, local, Map.of("KUBEBENCH_PYTHON", "/usr/bin/python3"), "bench-0-master-0");
        assertEquals(List.of("/usr/bin/python3", "/runs/r1/trials/0/files/resnet_ddp.py", "--steps", "2"),
                launch.argv());
        assertEquals("1", launch.env().get("OMP_NUM_THREADS"));
        assertEquals("7", launch.env().get("RANK"), "local.env is the last word");
    }

    @Test
    void torchrunRunsThroughKubebenchPython() {
        JobSpec job = pytorch(List.of("torchrun", "--nproc-per-node=1", "train.py"), List.of(), Map.of());
        assertEquals(List.of("/opt/py/bin/python", "-m", "torch.distributed.run", "--nproc-per-node=1", "train.py"),
                launch(job, null, Map.of("KUBEBENCH_PYTHON", "/opt/py/bin/python"), "bench-0-master-0").argv());
        assertEquals(List.of("torchrun", "--nproc-per-node=1", "train.py"),
                launch(job, null, Map.of(), "bench-0-master-0").argv(), "unchanged without KUBEBENCH_PYTHON");
    }

    @Test
    void eachReplicaSeesItsOwnGpusOrNoneWithoutAGpuRequest() {
        JobSpec gpu = new JobSpec(JobKind.PYTORCH_JOB, null, "img", List.of("python3"), List.of(), Map.of(),
                Map.of("Master", 1, "Worker", 2), new Resources(2, null, null), Map.of(), null, null, null, null, null);
        assertEquals("0,1", launch(gpu, null, Map.of(), "bench-0-master-0").env().get("CUDA_VISIBLE_DEVICES"));
        assertEquals("4,5", launch(gpu, null, Map.of(), "bench-0-worker-1").env().get("CUDA_VISIBLE_DEVICES"));
        JobSpec cpu = pytorch(List.of("python3"), List.of(), Map.of());
        assertEquals("", launch(cpu, null, Map.of(), "bench-0-worker-0").env().get("CUDA_VISIBLE_DEVICES"));
        LocalSpec override = new LocalSpec(List.of(), EnvValue.literals(Map.of("CUDA_VISIBLE_DEVICES", "0")));
        assertEquals("0", launch(cpu, override, Map.of(), "bench-0-worker-0").env().get("CUDA_VISIBLE_DEVICES"));
    }

    @Test
    void onlyTheFilesMountPathItselfIsRewritten() {
        JobSpec job = pytorch(List.of("python", "/workspace/kubebench2/x.py", "/workspace/kubebench"), List.of(),
                Map.of());
        assertEquals(List.of("python", "/workspace/kubebench2/x.py", "/runs/r1/trials/0/files"),
                launch(job, null, Map.of(), "bench-0-master-0").argv());
    }
}
