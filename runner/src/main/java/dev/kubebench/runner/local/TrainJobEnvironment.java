package dev.kubebench.runner.local;

import dev.kubebench.catalog.spec.JobSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment of a TrainJob's node on Trainer v2.3 ({@code plugins/torch|jax|xgboost}), computed for local
 * processes as {@link OperatorEnvironment} does for the v1 kinds: the runtime's ML policy decides the variables, and
 * the stock runtime names select it ({@code jax-*}, {@code xgboost-*}, else torch).
 */
final class TrainJobEnvironment {
    private TrainJobEnvironment() {
    }

    /**
     * @param coordinatorPort the local port of node 0, where the other nodes find the coordinator
     */
    static Map<String, String> env(JobSpec job, Replica replica, int coordinatorPort) {
        Map<String, String> env = new LinkedHashMap<>();
        int nodes = job.replicas().getOrDefault("Node", 0);
        String runtime = job.runtime() == null ? "torch-distributed" : job.runtime();
        String port = Integer.toString(coordinatorPort);
        String index = Integer.toString(replica.index());
        if (runtime.startsWith("jax")) {
            env.put("JAX_NUM_PROCESSES", Integer.toString(nodes));
            env.put("JAX_PROCESS_ID", index);
            env.put("JAX_COORDINATOR_ADDRESS", OperatorEnvironment.HOST + ":" + port);
        } else if (runtime.startsWith("xgboost")) {
            env.put("DMLC_TRACKER_URI", OperatorEnvironment.HOST);
            env.put("DMLC_TRACKER_PORT", port);
            env.put("DMLC_TASK_ID", index);
            env.put("DMLC_NUM_WORKER", Integer.toString(nodes * Math.max(1, job.resources().gpus())));
        } else {
            env.put("PET_NNODES", Integer.toString(nodes));
            env.put("PET_NPROC_PER_NODE", procPerNode(job));
            env.put("PET_NODE_RANK", index);
            env.put("PET_MASTER_ADDR", OperatorEnvironment.HOST);
            env.put("PET_MASTER_PORT", port);
        }
        return env;
    }

    /** {@code numProcPerNode}, or for {@code auto} without GPUs the node's CPU count rounded up, at least 1. */
    private static String procPerNode(JobSpec job) {
        if (job.numProcPerNode() != null) {
            return job.numProcPerNode().toString();
        }
        String cpu = job.resources().cpu();
        if (job.resources().gpus() > 0 || cpu == null) {
            return "auto";
        }
        BigDecimal cores = cpu.endsWith("m")
                ? new BigDecimal(cpu.substring(0, cpu.length() - 1)).movePointLeft(3)
                : new BigDecimal(cpu);
        return Integer.toString(Math.max(1, cores.setScale(0, RoundingMode.CEILING).intValueExact()));
    }
}
