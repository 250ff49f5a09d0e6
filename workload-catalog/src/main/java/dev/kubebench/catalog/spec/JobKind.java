package dev.kubebench.catalog.spec;

import java.util.List;
import java.util.Optional;

/**
 * The job kinds kubebench can create, with the facts each operator enforces (see
 * ../shared/reference/kubeflow-operators.md sections 1-4). Behaviour that differs per kind lives in the
 * runner; this enum only carries the operator's constants.
 */
public enum JobKind {
    PYTORCH_JOB("PyTorchJob", "kubeflow.org/v1", "pytorchjobs", "pytorchReplicaSpecs",
            List.of("Master", "Worker"), "pytorch", "pytorchjob-port", 23456, "pytorchjob-controller"),
    TF_JOB("TFJob", "kubeflow.org/v1", "tfjobs", "tfReplicaSpecs",
            List.of("Chief", "Master", "PS", "Worker", "Evaluator"), "tensorflow", "tfjob-port", 2222, "tfjob-controller"),
    MPI_JOB("MPIJob", "kubeflow.org/v1", "mpijobs", "mpiReplicaSpecs",
            List.of("Launcher", "Worker"), "mpi", "mpi-port", 9999, "mpijob-controller"),
    XGBOOST_JOB("XGBoostJob", "kubeflow.org/v1", "xgboostjobs", "xgbReplicaSpecs",
            List.of("Master", "Worker"), "xgboost", "xgboostjob-port", 9999, "xgboostjob-controller"),
    JAX_JOB("JAXJob", "kubeflow.org/v1", "jaxjobs", "jaxReplicaSpecs",
            List.of("Worker"), "jax", "jaxjob-port", 6666, "jaxjob-controller"),
    PADDLE_JOB("PaddleJob", "kubeflow.org/v1", "paddlejobs", "paddleReplicaSpecs",
            List.of("Master", "Worker"), "paddle", "master", 36543, "paddlejob-controller"),
    /** Kubeflow Trainer v2.3 TrainJob; the only replica type is {@code Node} (the runtime's {@code node} job). */
    TRAIN_JOB("TrainJob", "trainer.kubeflow.org/v1alpha1", "trainjobs", null,
            List.of("Node"), "node", null, 29500, null),
    /** A plain batch/v1 Job (indexed when it has more than one replica). */
    JOB("Job", "batch/v1", "jobs", null, List.of("Worker"), "main", null, 0, null);

    private final String kindName;
    private final String apiVersion;
    private final String plural;
    private final String replicaSpecsField;
    private final List<String> replicaTypes;
    private final String containerName;
    private final String portName;
    private final int defaultPort;
    private final String operatorName;

    JobKind(String kindName, String apiVersion, String plural, String replicaSpecsField, List<String> replicaTypes,
            String containerName, String portName, int defaultPort, String operatorName) {
        this.kindName = kindName;
        this.apiVersion = apiVersion;
        this.plural = plural;
        this.replicaSpecsField = replicaSpecsField;
        this.replicaTypes = replicaTypes;
        this.containerName = containerName;
        this.portName = portName;
        this.defaultPort = defaultPort;
        this.operatorName = operatorName;
    }

    /** The Kubernetes {@code kind}, e.g. {@code PyTorchJob}. */
    public String kindName() {
        return kindName;
    }

    /** The default apiVersion; MPIJob may instead be rendered as {@code kubeflow.org/v2beta1}. */
    public String apiVersion() {
        return apiVersion;
    }

    public String plural() {
        return plural;
    }

    /** The spec map field holding replica specs ({@code pytorchReplicaSpecs}); null for TrainJob and Job. */
    public String replicaSpecsField() {
        return replicaSpecsField;
    }

    /** Replica types the operator accepts, in canonical CamelCase. */
    public List<String> replicaTypes() {
        return replicaTypes;
    }

    /** The container name the operator looks for in each replica. */
    public String containerName() {
        return containerName;
    }

    /** The named port the operator looks up on that container; null where none. */
    public String portName() {
        return portName;
    }

    /** The operator's default port for {@link #portName()}. */
    public int defaultPort() {
        return defaultPort;
    }

    /** Value of the pod label {@code training.kubeflow.org/operator-name}; null for non-v1 kinds. */
    public String operatorName() {
        return operatorName;
    }

    /** Looks a kind up by its Kubernetes name, case-sensitively. */
    public static Optional<JobKind> byKindName(String name) {
        for (JobKind kind : values()) {
            if (kind.kindName.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
