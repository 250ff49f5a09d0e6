package dev.kubebench.catalog.load;

import dev.kubebench.catalog.plan.JobNames;
import dev.kubebench.catalog.spec.Benchmark;
import dev.kubebench.catalog.spec.BenchmarkSpec;
import dev.kubebench.catalog.spec.DataVolume;
import dev.kubebench.catalog.spec.JobKind;
import dev.kubebench.catalog.spec.JobSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rules beyond types and ranges: what the Kubeflow operators' admission webhooks and validation enforce and the CRD
 * schemas do not (../shared/reference/kubeflow-operators.md sections 1.2, 3, 4.1), plus the DNS-1035 limit on the
 * names kubebench generates.
 */
final class SpecValidator {
    private static final List<String> V1_RESTART = List.of("Always", "OnFailure", "Never", "ExitCode");
    private static final List<String> POD_RESTART = List.of("OnFailure", "Never");

    private final Map<String, Mark> marks;
    private final Problems problems;

    SpecValidator(Map<String, Mark> marks, Problems problems) {
        this.marks = marks;
        this.problems = problems;
    }

    /** Checks one sweep point's benchmark (names are checked once per plan by {@link #names}). */
    void validate(Benchmark b) {
        BenchmarkSpec spec = b.spec();
        JobSpec job = spec.job();
        replicas(job);
        restartPolicy(job);
        kindSpecificFields(job);
        int gpus = job.resources().gpus();
        Integer perNode = spec.nodePool().gpusPerNode();
        if (perNode != null && gpus > perNode) {
            add("spec.job.resources.gpu", gpus + " GPUs per replica do not fit on a node of this pool ("
                    + perNode + " GPUs per node, spec.nodePool.gpusPerNode)");
        }
        Integer minAvailable = spec.scheduling().minAvailable();
        if (minAvailable != null && !spec.scheduling().gang()) {
            add("spec.scheduling.minAvailable", "only applies with gang: true");
        } else if (minAvailable != null && minAvailable > job.totalReplicas() && job.totalReplicas() > 0) {
            add("spec.scheduling.minAvailable", "is " + minAvailable + " but the job has only "
                    + job.totalReplicas() + " replicas");
        }
        data(spec.data());
    }

    /**
     * The benchmark name must be a DNS-1035 label, and so must the longest name generated for any trial: the job
     * {@code <name>-<run hex>-<lastTrialIndex>} and its pods {@code <job>-<type>-<replicas-1>} over every sweep point.
     */
    void names(List<Benchmark> points, int lastTrialIndex) {
        String name = points.get(0).metadata().name();
        if (!JobNames.isDns1035(name)) {
            add("metadata.name", "'" + name + "' is not a DNS-1035 label (lowercase letters, digits and '-',"
                    + " starting with a letter, ending with a letter or digit, at most 63 characters)");
            return;
        }
        String jobName = JobNames.jobName(name, "000000", lastTrialIndex);
        String longest = jobName;
        for (Benchmark b : points) {
            for (Map.Entry<String, Integer> e : b.spec().job().replicas().entrySet()) {
                String pod = JobNames.podName(jobName, e.getKey(), Math.max(0, e.getValue() - 1));
                if (pod.length() > longest.length()) {
                    longest = pod;
                }
            }
        }
        if (longest.length() > JobNames.MAX_LABEL_LENGTH) {
            int over = longest.length() - JobNames.MAX_LABEL_LENGTH;
            add("metadata.name", "the generated name '" + longest + "' is " + longest.length() + " characters, "
                    + over + " too long (at most " + JobNames.MAX_LABEL_LENGTH + "); shorten metadata.name by "
                    + over + " characters");
        }
    }

    private void replicas(JobSpec job) {
        JobKind kind = job.kind();
        Map<String, Integer> r = job.replicas();
        if (r.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Integer> e : r.entrySet()) {
            if (!kind.replicaTypes().contains(e.getKey())) {
                add("spec.job.replicas." + e.getKey(), kind.kindName() + " does not accept replica type '"
                        + e.getKey() + "' (allowed: " + String.join(", ", kind.replicaTypes()) + ")");
            } else if (e.getValue() < 1) {
                add("spec.job.replicas." + e.getKey(), "must be at least 1, got " + e.getValue()
                        + " (remove the replica type instead)");
            }
        }
        switch (kind) {
            case PYTORCH_JOB:
                exactlyOne(r, "Master", false, "PyTorchJob");
                break;
            case XGBOOST_JOB:
                exactlyOne(r, "Master", true, "XGBoostJob");
                break;
            case PADDLE_JOB:
                exactlyOne(r, "Master", false, "PaddleJob");
                break;
            case TF_JOB:
                if (r.containsKey("Chief") && r.containsKey("Master")) {
                    add("spec.job.replicas.Master", "TFJob allows at most one of Chief and Master (they mean the same)");
                }
                exactlyOne(r, "Chief", false, "TFJob");
                exactlyOne(r, "Master", false, "TFJob");
                break;
            case MPI_JOB:
                exactlyOne(r, "Launcher", true, "MPIJob");
                if (!r.containsKey("Worker")) {
                    add("spec.job.replicas", "MPIJob needs a Worker replica type with at least 1 replica");
                }
                break;
            default:
                break;
        }
    }

    private void exactlyOne(Map<String, Integer> r, String type, boolean required, String kind) {
        Integer n = r.get(type);
        if (n == null && required) {
            add("spec.job.replicas", kind + " needs exactly 1 " + type + " replica");
        } else if (n != null && n != 1) {
            add("spec.job.replicas." + type, kind + " needs exactly 1 " + type + " replica, got " + n);
        }
    }

    private void restartPolicy(JobSpec job) {
        String p = job.restartPolicy();
        if (p == null) {
            return;
        }
        List<String> allowed;
        if (job.kind() == JobKind.TRAIN_JOB) {
            add("spec.job.restartPolicy", "TrainJob takes restart behaviour from its runtime; remove restartPolicy");
            return;
        } else if (job.kind() == JobKind.JOB || job.kind() == JobKind.MPI_JOB
                && JobBinder.MPI_V2BETA1.equals(job.apiVersion())) {
            allowed = POD_RESTART;
        } else {
            allowed = V1_RESTART;
        }
        if (!allowed.contains(p)) {
            add("spec.job.restartPolicy", "'" + p + "' is not allowed for " + job.kind().kindName()
                    + (job.kind() == JobKind.MPI_JOB ? " " + job.apiVersion() : "")
                    + Suggestions.hint(p, allowed).replace("(expected one of", "(allowed"));
        }
    }

    private void kindSpecificFields(JobSpec job) {
        JobKind k = job.kind();
        if (job.numProcPerNode() != null && k != JobKind.PYTORCH_JOB && k != JobKind.TRAIN_JOB) {
            add("spec.job.numProcPerNode", "only applies to PyTorchJob and TrainJob, not " + k.kindName());
        }
        if (job.slotsPerWorker() != null && k != JobKind.MPI_JOB) {
            add("spec.job.slotsPerWorker", "only applies to MPIJob, not " + k.kindName());
        }
        if (job.runtime() != null && k != JobKind.TRAIN_JOB) {
            add("spec.job.runtime", "only applies to TrainJob, not " + k.kindName());
        }
    }

    private void data(List<DataVolume> data) {
        Set<String> names = new HashSet<>();
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < data.size(); i++) {
            DataVolume d = data.get(i);
            if (!names.add(d.name())) {
                add("spec.data[" + i + "].name", "volume name '" + d.name() + "' is used twice");
            }
            if (!paths.add(d.mountPath())) {
                add("spec.data[" + i + "].mountPath", "mount path '" + d.mountPath() + "' is used twice");
            }
            if (d.mountPath().equals(JobSpec.FILES_MOUNT_PATH)) {
                add("spec.data[" + i + "].mountPath", JobSpec.FILES_MOUNT_PATH + " is reserved for job.files");
            }
        }
    }

    private void add(String path, String message) {
        problems.add(markFor(path), path, message);
    }

    /** The position of {@code path}, or of its nearest recorded parent. */
    private Mark markFor(String path) {
        String p = path;
        while (true) {
            Mark m = marks.get(p);
            if (m != null) {
                return m;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                Mark root = marks.get("");
                return root == null ? new Mark("?", 0, 0) : root;
            }
            p = p.substring(0, cut);
        }
    }
}
