package dev.kubebench.runner.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.catalog.spec.JobKind;
import dev.kubebench.catalog.spec.JobSpec;
import dev.kubebench.catalog.spec.Resources;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The environment per kind, checked against ../shared/reference/kubeflow-operators.md sections 2 and 4 (with
 * {@code 127.0.0.1} and per-replica ports standing in for the Services).
 */
class OperatorEnvironmentTest {

    private static JobSpec job(JobKind kind, Map<String, Integer> replicas) {
        return job(kind, replicas, Resources.NONE, null, null, null, null);
    }

    private static JobSpec job(JobKind kind, Map<String, Integer> replicas, Resources resources, String runtime,
                               Integer nproc, String apiVersion, Integer slots) {
        return new JobSpec(kind, apiVersion, "img", List.of("run"), List.of(), Map.of(), replicas, resources,
                Map.of(), null, null, runtime, nproc, slots);
    }

    private static Map<String, Integer> ordered(Object... typeCount) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < typeCount.length; i += 2) {
            m.put((String) typeCount[i], (Integer) typeCount[i + 1]);
        }
        return m;
    }

    /** Ports 30000, 30001, ... in replica order; returns the environment. */
    private static OperatorEnvironment env(JobSpec job) {
        Map<String, Integer> ports = new HashMap<>();
        List<Replica> replicas = OperatorEnvironment.replicasOf("j", job);
        for (int i = 0; i < replicas.size(); i++) {
            ports.put(replicas.get(i).pod(), 30000 + i);
        }
        return new OperatorEnvironment("j", job, ports, Path.of("/tmp/t/mpi/hostfile"));
    }

    private static Replica replica(JobSpec job, String pod) {
        return OperatorEnvironment.replicasOf("j", job).stream().filter(r -> r.pod().equals(pod)).findFirst()
                .orElseThrow();
    }

    @Test
    void podNamesFollowEachController() {
        JobSpec pytorch = job(JobKind.PYTORCH_JOB, ordered("Worker", 2, "Master", 1));
        assertEquals(List.of("j-master-0", "j-worker-0", "j-worker-1"), pods(pytorch));
        assertEquals(List.of("j-chief-0", "j-ps-0", "j-worker-0"),
                pods(job(JobKind.TF_JOB, ordered("Worker", 1, "PS", 1, "Chief", 1))));
        assertEquals(List.of("j-node-0-0", "j-node-0-1"), pods(job(JobKind.TRAIN_JOB, ordered("Node", 2))));
        assertEquals(List.of("j-0", "j-1"), pods(job(JobKind.JOB, ordered("Worker", 2))));
        assertEquals(List.of("j-launcher"), pods(job(JobKind.MPI_JOB, ordered("Launcher", 1, "Worker", 2))));
    }

    private static List<String> pods(JobSpec job) {
        return OperatorEnvironment.replicasOf("j", job).stream().map(Replica::pod).collect(Collectors.toList());
    }

    @Test
    void pytorchJobWithMaster() {
        JobSpec job = job(JobKind.PYTORCH_JOB, ordered("Master", 1, "Worker", 2));
        OperatorEnvironment env = env(job);
        Map<String, String> master = env.env(replica(job, "j-master-0"));
        assertEquals(Map.of("PYTHONUNBUFFERED", "1", "MASTER_ADDR", "127.0.0.1", "PET_MASTER_ADDR", "127.0.0.1",
                "MASTER_PORT", "30000", "PET_MASTER_PORT", "30000", "WORLD_SIZE", "3", "RANK", "0",
                "PET_NODE_RANK", "0", "PET_NPROC_PER_NODE", "auto", "PET_NNODES", "3"), master);
        Map<String, String> worker1 = env.env(replica(job, "j-worker-1"));
        assertEquals("2", worker1.get("RANK"));
        assertEquals("2", worker1.get("PET_NODE_RANK"));
        assertEquals("30000", worker1.get("MASTER_PORT"), "every replica points at the master's port");
    }

    @Test
    void pytorchWorldSizeMultipliesAnIntegerNprocPerNode() {
        JobSpec job = job(JobKind.PYTORCH_JOB, ordered("Master", 1, "Worker", 1), Resources.NONE, null, 4, null,
                null);
        Map<String, String> env = env(job).env(replica(job, "j-worker-0"));
        assertEquals("8", env.get("WORLD_SIZE"));
        assertEquals("4", env.get("PET_NPROC_PER_NODE"));
        assertEquals("2", env.get("PET_NNODES"));
    }

    @Test
    void workerOnlyPytorchJobGetsNoMasterVariables() {
        JobSpec job = job(JobKind.PYTORCH_JOB, ordered("Worker", 2));
        Map<String, String> env = env(job).env(replica(job, "j-worker-1"));
        assertEquals(Map.of("PYTHONUNBUFFERED", "1", "PET_NPROC_PER_NODE", "auto", "PET_NNODES", "2"), env);
    }

    @Test
    void tfConfigListsEveryReplicaWithItsOwnPort() {
        JobSpec job = job(JobKind.TF_JOB, ordered("Worker", 2, "PS", 1, "Chief", 1, "Evaluator", 1));
        // Replica order chief, ps, worker-0, worker-1, evaluator → ports 30000..30004.
        Map<String, String> env = env(job).env(replica(job, "j-worker-1"));
        assertEquals("{\"cluster\":{\"chief\":[\"127.0.0.1:30000\"],\"evaluator\":[\"127.0.0.1:30004\"],"
                + "\"ps\":[\"127.0.0.1:30001\"],\"worker\":[\"127.0.0.1:30002\",\"127.0.0.1:30003\"]},"
                + "\"task\":{\"type\":\"worker\",\"index\":1},\"environment\":\"cloud\"}", env.get("TF_CONFIG"));
        assertEquals(1, env.size(), "TFJob injects TF_CONFIG only");
    }

    @Test
    void singleReplicaTfJobIsNotDistributed() {
        JobSpec job = job(JobKind.TF_JOB, ordered("Worker", 1));
        assertTrue(env(job).env(replica(job, "j-worker-0")).isEmpty());
    }

    @Test
    void xgboostRanksWorkersAfterTheMaster() {
        JobSpec job = job(JobKind.XGBOOST_JOB, ordered("Master", 1, "Worker", 2));
        OperatorEnvironment env = env(job);
        assertEquals(Map.of("MASTER_ADDR", "127.0.0.1", "MASTER_PORT", "30000", "WORLD_SIZE", "3", "RANK", "2",
                "PYTHONUNBUFFERED", "1", "WORKER_PORT", "30000", "WORKER_ADDRS", "127.0.0.1,127.0.0.1"),
                env.env(replica(job, "j-worker-1")));
        assertEquals("0", env.env(replica(job, "j-master-0")).get("RANK"));
    }

    @Test
    void jaxCoordinatesThroughWorkerZero() {
        JobSpec job = job(JobKind.JAX_JOB, ordered("Worker", 3));
        assertEquals(Map.of("PYTHONUNBUFFERED", "1", "COORDINATOR_ADDRESS", "127.0.0.1", "COORDINATOR_PORT", "30000",
                "NUM_PROCESSES", "3", "PROCESS_ID", "2"), env(job).env(replica(job, "j-worker-2")));
    }

    @Test
    void paddleCollectiveModeUsesWorkerZerosOwnIp() {
        JobSpec job = job(JobKind.PADDLE_JOB, ordered("Worker", 2));
        OperatorEnvironment env = env(job);
        Map<String, String> worker0 = env.env(replica(job, "j-worker-0"));
        assertEquals("$(POD_IP_DUMMY):30000", worker0.get("PADDLE_MASTER"));
        assertEquals("127.0.0.1:30000", VariableExpansion.resolveEnv(worker0).get("PADDLE_MASTER"),
                "the kubelet expands the pod IP reference");
        assertEquals(Map.of("PYTHONUNBUFFERED", "1", "PADDLE_JOB_ID", "j", "PADDLE_NNODES", "2",
                "PADDLE_MASTER", "127.0.0.1:30000"), env.env(replica(job, "j-worker-1")));
    }

    @Test
    void paddlePsModeCountsServersAndTrainers() {
        JobSpec job = job(JobKind.PADDLE_JOB, ordered("Master", 1, "Worker", 1));
        OperatorEnvironment env = env(job);
        assertEquals("1", env.env(replica(job, "j-master-0")).get("PADDLE_SERVER_NUM"));
        Map<String, String> worker = env.env(replica(job, "j-worker-0"));
        assertEquals("1", worker.get("PADDLE_TRAINER_NUM"));
        assertEquals("127.0.0.1:30000", worker.get("PADDLE_MASTER"));
    }

    @Test
    void trainJobTorchRuntime() {
        JobSpec job = job(JobKind.TRAIN_JOB, ordered("Node", 2), new Resources(0, "3500m", null), null, null, null,
                null);
        assertEquals(Map.of("PET_NNODES", "2", "PET_NPROC_PER_NODE", "4", "PET_NODE_RANK", "1",
                "PET_MASTER_ADDR", "127.0.0.1", "PET_MASTER_PORT", "30000"),
                env(job).env(replica(job, "j-node-0-1")), "auto without GPUs = CPUs rounded up");
        JobSpec gpu = job(JobKind.TRAIN_JOB, ordered("Node", 1), new Resources(8, "96", null), null, null, null,
                null);
        assertEquals("auto", env(gpu).env(replica(gpu, "j-node-0-0")).get("PET_NPROC_PER_NODE"));
        JobSpec small = job(JobKind.TRAIN_JOB, ordered("Node", 1), new Resources(0, "200m", null), null, null, null,
                null);
        assertEquals("1", env(small).env(replica(small, "j-node-0-0")).get("PET_NPROC_PER_NODE"));
        JobSpec explicit = job(JobKind.TRAIN_JOB, ordered("Node", 1), Resources.NONE, null, 2, null, null);
        assertEquals("2", env(explicit).env(replica(explicit, "j-node-0-0")).get("PET_NPROC_PER_NODE"));
        assertFalse(env(explicit).env(replica(explicit, "j-node-0-0")).containsKey("WORLD_SIZE"),
                "the torch plugin sets no WORLD_SIZE/RANK/MASTER_ADDR");
    }

    @Test
    void trainJobJaxAndXgboostRuntimes() {
        JobSpec jax = job(JobKind.TRAIN_JOB, ordered("Node", 2), Resources.NONE, "jax-distributed", null, null, null);
        assertEquals(Map.of("JAX_NUM_PROCESSES", "2", "JAX_PROCESS_ID", "1",
                "JAX_COORDINATOR_ADDRESS", "127.0.0.1:30000"), env(jax).env(replica(jax, "j-node-0-1")));
        JobSpec xgb = job(JobKind.TRAIN_JOB, ordered("Node", 2), new Resources(4, null, null), "xgboost-distributed",
                null, null, null);
        assertEquals(Map.of("DMLC_TRACKER_URI", "127.0.0.1", "DMLC_TRACKER_PORT", "30000", "DMLC_TASK_ID", "0",
                "DMLC_NUM_WORKER", "8"), env(xgb).env(replica(xgb, "j-node-0-0")));
    }

    @Test
    void mpiLauncherGetsALocalHostfile() {
        JobSpec v2 = job(JobKind.MPI_JOB, ordered("Launcher", 1, "Worker", 2), Resources.NONE, null, null,
                "kubeflow.org/v2beta1", 4);
        OperatorEnvironment env = env(v2);
        Map<String, String> launcher = env.env(replica(v2, "j-launcher"));
        assertEquals("launcher", launcher.get("K_MPI_JOB_ROLE"));
        assertEquals("/tmp/t/mpi/hostfile", launcher.get("OMPI_MCA_orte_default_hostfile"));
        assertEquals("4", launcher.get("OMPI_MCA_orte_set_default_slots"));
        assertEquals("localhost slots=8\n", env.mpiHostfileContent());
        JobSpec v1 = job(JobKind.MPI_JOB, ordered("Launcher", 1, "Worker", 2));
        assertEquals(Map.of("OMPI_MCA_orte_default_hostfile", "/tmp/t/mpi/hostfile"),
                env(v1).env(replica(v1, "j-launcher")));
    }

    @Test
    void indexedJobGetsItsCompletionIndex() {
        JobSpec job = job(JobKind.JOB, ordered("Worker", 3));
        assertEquals(Map.of("JOB_COMPLETION_INDEX", "2"), env(job).env(replica(job, "j-2")));
        JobSpec single = job(JobKind.JOB, ordered("Worker", 1));
        assertTrue(env(single).env(replica(single, "j-0")).isEmpty());
    }

    @Test
    void successIsDecidedAsEachControllerDoes() {
        JobSpec pytorch = job(JobKind.PYTORCH_JOB, ordered("Master", 1, "Worker", 1));
        assertTrue(env(pytorch).decidesSuccess(replica(pytorch, "j-master-0")));
        assertFalse(env(pytorch).decidesSuccess(replica(pytorch, "j-worker-0")));
        JobSpec workers = job(JobKind.PYTORCH_JOB, ordered("Worker", 2));
        assertTrue(env(workers).decidesSuccess(replica(workers, "j-worker-1")));
        JobSpec tf = job(JobKind.TF_JOB, ordered("PS", 1, "Worker", 2));
        assertTrue(env(tf).decidesSuccess(replica(tf, "j-worker-0")));
        assertFalse(env(tf).decidesSuccess(replica(tf, "j-worker-1")));
        assertFalse(env(tf).decidesSuccess(replica(tf, "j-ps-0")), "a parameter server never exits");
        JobSpec chief = job(JobKind.TF_JOB, ordered("Chief", 1, "Worker", 2));
        assertTrue(env(chief).decidesSuccess(replica(chief, "j-chief-0")));
        assertFalse(env(chief).decidesSuccess(replica(chief, "j-worker-0")));
    }
}
