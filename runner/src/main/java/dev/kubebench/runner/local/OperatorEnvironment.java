package dev.kubebench.runner.local;

import dev.kubebench.catalog.spec.JobKind;
import dev.kubebench.catalog.spec.JobSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The environment each training operator injects into a replica's container, computed for local processes: service
 * DNS names become {@value #HOST} and every replica gets its own free port where the operator would use the
 * replica's Service port. One method per job kind, each following ../shared/reference/kubeflow-operators.md
 * (sections 2 and 4; the source file of the operator is named in each method's comment).
 *
 * <p>Local deviations, all because there is one host instead of one pod per replica: addresses are {@value #HOST};
 * ports are per replica instead of one well-known port; MPIJob runs only its launcher (mpirun starts the ranks on
 * this host through a generated hostfile instead of sshd workers), and the launcher's {@code NVIDIA_VISIBLE_DEVICES}
 * is not blanked because its ranks run beside it.
 */
public final class OperatorEnvironment {
    /** Every replica address under {@code --local}. */
    public static final String HOST = "127.0.0.1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String jobName;
    private final JobSpec job;
    private final Map<String, Integer> portByPod;
    private final Path mpiHostfile;

    /**
     * @param jobName     the job's name (a DNS-1035 label), as the pods would be named after it
     * @param job         the job spec
     * @param portByPod   the port of each replica, by pod name (from {@link #replicasOf}); ports 1..65535
     * @param mpiHostfile where the MPI hostfile is (MPIJob only; may be null for other kinds)
     */
    public OperatorEnvironment(String jobName, JobSpec job, Map<String, Integer> portByPod, Path mpiHostfile) {
        this.jobName = Objects.requireNonNull(jobName, "jobName");
        this.job = Objects.requireNonNull(job, "job");
        this.portByPod = Map.copyOf(portByPod);
        this.mpiHostfile = mpiHostfile;
    }

    /**
     * The replicas that run as local processes, in the operator's replica-type order, each with the pod name the
     * operator would give it. MPIJob yields only its launcher (see the class comment).
     */
    public static List<Replica> replicasOf(String jobName, JobSpec job) {
        List<Replica> replicas = new ArrayList<>();
        for (String type : job.kind().replicaTypes()) {
            int count = job.replicas().getOrDefault(type, 0);
            if (job.kind() == JobKind.MPI_JOB && !type.equals("Launcher")) {
                continue;
            }
            for (int i = 0; i < count; i++) {
                replicas.add(new Replica(type, i, podName(jobName, job.kind(), type, i)));
            }
        }
        return List.copyOf(replicas);
    }

    /** The replicas of this environment's job, as {@link #replicasOf}. */
    public List<Replica> replicas() {
        return replicasOf(jobName, job);
    }

    /**
     * The GPUs the device plugin would give this replica, as {@code CUDA_VISIBLE_DEVICES}: replica k of the job (in
     * {@link #replicas()} order) gets host GPUs {@code k*g .. k*g+g-1} for {@code g = resources.gpus}, so replicas
     * never share a device (NCCL refuses two ranks on one GPU); no GPUs requested means none visible, as in a pod
     * without a GPU limit.
     */
    public String visibleGpus(Replica replica) {
        int gpus = job.resources().gpus();
        int ordinal = replicas().indexOf(replica);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < gpus; i++) {
            ids.add(Integer.toString(ordinal * gpus + i));
        }
        return String.join(",", ids);
    }

    /**
     * The pod name the controller gives a replica: {@code <job>-<type lowercase>-<i>} for v1 kinds,
     * {@code <job>-launcher} for the MPI launcher, {@code <job>-node-0-<i>} for TrainJob (its JobSet pod name
     * without the random suffix), {@code <job>-<i>} for an indexed batch Job.
     */
    public static String podName(String jobName, JobKind kind, String type, int index) {
        return switch (kind) {
            case MPI_JOB -> type.equals("Launcher") ? jobName + "-launcher" : jobName + "-worker-" + index;
            case TRAIN_JOB -> jobName + "-node-0-" + index;
            case JOB -> jobName + "-" + index;
            default -> jobName + "-" + type.toLowerCase(Locale.ROOT) + "-" + index;
        };
    }

    /** The variables the operator injects into this replica's container, in the order it appends them. */
    public Map<String, String> env(Replica replica) {
        return switch (job.kind()) {
            case PYTORCH_JOB -> pytorch(replica);
            case TF_JOB -> tensorflow(replica);
            case XGBOOST_JOB -> xgboost(replica);
            case JAX_JOB -> jax(replica);
            case PADDLE_JOB -> paddle(replica);
            case TRAIN_JOB -> TrainJobEnvironment.env(job, replica, port(podName(jobName, job.kind(), "Node", 0)));
            case MPI_JOB -> mpi(replica);
            case JOB -> batchJob(replica);
        };
    }

    /**
     * Whether this replica's success decides the job's success, as each controller's {@code UpdateJobStatus} does:
     * PyTorch the Master (else all Workers), TF the Chief/Master (else Worker-0), XGBoost the Master, MPI the
     * launcher, the others all replicas. When every deciding replica exited 0 the job succeeded; the rest (a TF
     * parameter server never exits) are then stopped.
     */
    public boolean decidesSuccess(Replica replica) {
        Map<String, Integer> r = job.replicas();
        boolean master = r.getOrDefault("Master", 0) > 0;
        return switch (job.kind()) {
            case PYTORCH_JOB, XGBOOST_JOB -> !master || replica.type().equals("Master");
            case TF_JOB -> r.getOrDefault("Chief", 0) > 0 || master
                    ? replica.type().equals("Chief") || replica.type().equals("Master")
                    : replica.type().equals("Worker") && replica.index() == 0;
            case MPI_JOB -> replica.type().equals("Launcher");
            default -> true;
        };
    }

    /** PyTorchJob ({@code pytorch/envvar.go}, {@code master.go}); non-elastic. */
    Map<String, String> pytorch(Replica replica) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PYTHONUNBUFFERED", "1");
        int total = job.totalReplicas();
        Integer nproc = job.numProcPerNode();
        env.put("PET_NPROC_PER_NODE", nproc == null ? "auto" : nproc.toString());
        env.put("PET_NNODES", Integer.toString(total));
        if (job.replicas().getOrDefault("Master", 0) > 0) {
            String port = Integer.toString(port(podName(jobName, job.kind(), "Master", 0)));
            int rank = replica.type().equals("Master") ? 0 : replica.index() + 1;
            env.put("MASTER_ADDR", HOST);
            env.put("PET_MASTER_ADDR", HOST);
            env.put("MASTER_PORT", port);
            env.put("PET_MASTER_PORT", port);
            env.put("WORLD_SIZE", Integer.toString(nproc == null ? total : total * nproc));
            env.put("RANK", Integer.toString(rank));
            env.put("PET_NODE_RANK", Integer.toString(rank));
        }
        return env;
    }

    /**
     * TFJob ({@code tensorflow/tensorflow.go}): {@code TF_CONFIG} only when the job is distributed. Cluster keys are
     * sorted as Go marshals a map; field order cluster, task, environment as the Go structs declare them.
     */
    Map<String, String> tensorflow(Replica replica) {
        Map<String, String> env = new LinkedHashMap<>();
        if (job.totalReplicas() == 1) {
            return env;
        }
        Map<String, List<String>> cluster = new TreeMap<>();
        job.replicas().forEach((type, count) -> {
            List<String> hosts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                hosts.add(HOST + ":" + port(podName(jobName, job.kind(), type, i)));
            }
            if (count > 0) {
                cluster.put(type.toLowerCase(Locale.ROOT), hosts);
            }
        });
        ObjectNode config = JSON.createObjectNode();
        ObjectNode clusterNode = config.putObject("cluster");
        cluster.forEach((type, hosts) -> hosts.forEach(clusterNode.withArray(type)::add));
        ObjectNode task = config.putObject("task");
        task.put("type", replica.type().toLowerCase(Locale.ROOT));
        task.put("index", replica.index());
        config.put("environment", "cloud");
        env.put("TF_CONFIG", JSON.writeValueAsString(config));
        return env;
    }

    /** XGBoostJob ({@code xgboost/xgboost.go SetPodEnv}). */
    Map<String, String> xgboost(Replica replica) {
        Map<String, String> env = new LinkedHashMap<>();
        int total = job.totalReplicas();
        int masters = job.replicas().getOrDefault("Master", 0);
        String port = Integer.toString(port(podName(jobName, job.kind(), "Master", 0)));
        env.put("MASTER_PORT", port);
        env.put("MASTER_ADDR", HOST);
        env.put("WORLD_SIZE", Integer.toString(total));
        env.put("RANK", Integer.toString(replica.type().equals("Master") ? replica.index() : replica.index() + masters));
        env.put("PYTHONUNBUFFERED", "1");
        if (total > 1) {
            List<String> workers = new ArrayList<>();
            for (int i = 0; i < total - 1; i++) {
                workers.add(HOST);
            }
            env.put("WORKER_PORT", port);
            env.put("WORKER_ADDRS", String.join(",", workers));
        }
        return env;
    }

    /** JAXJob ({@code jax/envvar.go}). */
    Map<String, String> jax(Replica replica) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PYTHONUNBUFFERED", "1");
        env.put("COORDINATOR_PORT", Integer.toString(port(podName(jobName, job.kind(), "Worker", 0))));
        env.put("COORDINATOR_ADDRESS", HOST);
        env.put("NUM_PROCESSES", Integer.toString(job.totalReplicas()));
        env.put("PROCESS_ID", Integer.toString(replica.index()));
        return env;
    }

    /**
     * PaddleJob ({@code paddlepaddle/envvar.go}). The replica that is the master uses its own pod IP through
     * {@code $(POD_IP_DUMMY)}, which the kubelet expands; locally the IP is {@value #HOST}.
     */
    Map<String, String> paddle(Replica replica) {
        Map<String, String> env = new LinkedHashMap<>();
        boolean psMode = job.replicas().getOrDefault("Master", 0) > 0;
        String masterType = psMode ? "Master" : "Worker";
        String port = Integer.toString(port(podName(jobName, job.kind(), masterType, 0)));
        env.put("PYTHONUNBUFFERED", "1");
        env.put("PADDLE_JOB_ID", jobName);
        env.put("PADDLE_NNODES", Integer.toString(job.totalReplicas()));
        if (replica.type().equals(masterType) && replica.index() == 0) {
            env.put("POD_IP_DUMMY", HOST);
            env.put("PADDLE_MASTER", "$(POD_IP_DUMMY):" + port);
        } else {
            env.put("PADDLE_MASTER", HOST + ":" + port);
        }
        if (psMode) {
            env.put(replica.type().equals("Master") ? "PADDLE_SERVER_NUM" : "PADDLE_TRAINER_NUM", "1");
        }
        return env;
    }

    /**
     * MPIJob: the launcher gets the hostfile variables of the standalone operator (v2beta1) or the v1 controller,
     * pointing at a local hostfile with {@code localhost slots=<workers x slotsPerWorker>}.
     */
    Map<String, String> mpi(Replica replica) {
        Map<String, String> env = new LinkedHashMap<>();
        String hostfile = mpiHostfile == null ? "" : mpiHostfile.toString();
        if (job.apiVersion().equals("kubeflow.org/v2beta1")) {
            env.put("K_MPI_JOB_ROLE", replica.type().toLowerCase(Locale.ROOT));
            env.put("OMPI_MCA_orte_keep_fqdn_hostnames", "true");
            env.put("OMPI_MCA_orte_default_hostfile", hostfile);
            env.put("OMPI_MCA_plm_rsh_args", "-o ConnectionAttempts=10");
            env.put("OMPI_MCA_orte_set_default_slots", Integer.toString(slotsPerWorker()));
        } else {
            env.put("OMPI_MCA_orte_default_hostfile", hostfile);
        }
        return env;
    }

    /** The local MPI hostfile: every rank on this host. */
    public String mpiHostfileContent() {
        return "localhost slots=" + job.replicas().getOrDefault("Worker", 0) * slotsPerWorker() + "\n";
    }

    private int slotsPerWorker() {
        return job.slotsPerWorker() == null ? 1 : job.slotsPerWorker();
    }

    /** batch/v1 Job: an indexed Job (more than one replica) sets {@code JOB_COMPLETION_INDEX}. */
    Map<String, String> batchJob(Replica replica) {
        Map<String, String> env = new LinkedHashMap<>();
        if (job.totalReplicas() > 1) {
            env.put("JOB_COMPLETION_INDEX", Integer.toString(replica.index()));
        }
        return env;
    }

    private int port(String pod) {
        Integer port = portByPod.get(pod);
        if (port == null) {
            throw new IllegalStateException("no port allocated for " + pod);
        }
        return port;
    }
}
