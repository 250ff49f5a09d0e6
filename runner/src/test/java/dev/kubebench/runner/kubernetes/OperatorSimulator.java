package dev.kubebench.runner.kubernetes;

import dev.kubebench.catalog.spec.JobKind;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Plays the Kubeflow operators, JobSet, the job controller, the scheduler, the kubelet and the garbage collector on
 * the mock API server: for a submitted job it creates the pods the real operator would (names, labels, env from
 * reference sections 1.3, 2, 3, 4.3), moves them through their phases, sets the job's conditions, serves each
 * container's log (real MLLOG lines) through a log expectation, and deletes the pods once the job is deleted.
 * Public (and shipped in the runner's test-jar) so the CLI's tests can drive {@code kubebench run} against it.
 */
public final class OperatorSimulator implements AutoCloseable {
    /** What happens to the job once its pods exist. */
    public enum Behavior {
        SUCCEED, RESTART_THEN_SUCCEED, EXIT_FAILURE, OOM, CRASH_LOOP, IMAGE_PULL, UNSCHEDULABLE, EVICTED, DEADLINE,
        HANG,
        /**
         * OOM, with the job's Failed condition published before the pod update: the API server already holds the
         * OOMKilled pod (a LIST sees it), but its watch event arrives a second after Failed.
         */
        OOM_FAILED_FIRST,
        /**
         * The first pod's node is lost: PodGC marks the pod Failed ({@code DisruptionTarget}/{@code DeletionByPodGC},
         * container {@code ContainerStatusUnknown} 137) and deletes it, the operator re-creates it under the same
         * name with a new uid (which logs again), and then the job fails.
         */
        NODE_LOST
    }

    /** How the first pod's log reaches kubebench; the other pods' logs always arrive whole and at once. */
    public enum LogDelivery {
        /** The follow stream returns the whole log at once. */
        WHOLE,
        /** The follow stream answers only after {@link #SLOW_LOG_MILLIS}, past the log drain: a log that trickles. */
        SLOW,
        /** The follow stream ends after the first quarter of the log, as a cut connection does. */
        CUT
    }

    /** How long a {@link LogDelivery#SLOW} follow stream takes to answer. */
    public static final long SLOW_LOG_MILLIS = 6000;
    /** The node of pod {@code i} of a job: {@code gpu-node-<i>}. */
    public static final String NODE_PREFIX = "gpu-node-";

    public static final String UNSCHEDULABLE_MESSAGE = "0/4 nodes are available: 4 Insufficient nvidia.com/gpu. "
            + "preemption: 0/4 nodes are available: 4 No preemption victims found for incoming pod.";

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final String namespace;
    private final List<String> mllog;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "operator-simulator");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;
    private volatile LogDelivery logDelivery = LogDelivery.WHOLE;
    /** pod name → the log of its current container instance, as a non-following read returns it. */
    private final Map<String, String> currentLogs = new java.util.concurrent.ConcurrentHashMap<>();

    public OperatorSimulator(KubernetesMockServer server, KubernetesClient client, String namespace) {
        this(server, client, namespace, mllogLines());
    }

    /** A simulator whose containers all print {@code log} (one element a line). */
    public OperatorSimulator(KubernetesMockServer server, KubernetesClient client, String namespace,
                             List<String> log) {
        this.server = server;
        this.client = client;
        this.namespace = namespace;
        this.mllog = List.copyOf(log);
    }

    /** How the first pod of the next simulated jobs delivers its log. */
    public OperatorSimulator logDelivery(LogDelivery delivery) {
        this.logDelivery = delivery;
        return this;
    }

    /** Real MLLOG output of an MLPerf ResNet submission (shared/mlperf-logs). */
    public static List<String> mllogLines() {
        Path file = Path.of(System.getProperty("kubebench.shared"),
                "mlperf-logs/3.0/Dell/XE9680x8H100-SXM-80GB/resnet/result_0.txt");
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(":::MLLOG")).limit(40)
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Simulates one job in the background; the future ends after the job was deleted and its pods collected. */
    public CompletableFuture<Void> simulate(JobType type, String jobName, Behavior behavior, long runningMillis,
                                     boolean queued) {
        return CompletableFuture.runAsync(() -> {
            try {
                try {
                    run(type, jobName, behavior, runningMillis, queued);
                } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                    if (e.getCode() != 404 && e.getCode() != 409) {
                        throw e;
                    }
                    // kubebench deleted the job (or a pod) while the operator was still acting on it
                }
                awaitDeletionAndCollect(type, jobName);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, executor);
    }

    /**
     * Simulates the first job of {@code type} that carries the label {@code key=value}, once it is submitted: a
     * {@code kubebench run} picks its own run id, so a test finds its job by the benchmark label, not by name.
     */
    public CompletableFuture<Void> simulateLabelled(JobType type, String key, String value, Behavior behavior,
                                                    long runningMillis) {
        return CompletableFuture.supplyAsync(() -> {
            for (int i = 0; i < 600 && !closed; i++) {
                List<GenericKubernetesResource> jobs = client.genericKubernetesResources(type.context())
                        .inNamespace(namespace).withLabel(key, value).list().getItems();
                if (!jobs.isEmpty()) {
                    return jobs.get(0).getMetadata().getName();
                }
                try {
                    Thread.sleep(25);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            throw new IllegalStateException("no " + type.kind().kindName() + " labelled " + key + "=" + value
                    + " was submitted");
        }, executor).thenCompose(name -> simulate(type, name, behavior, runningMillis, false));
    }

    private void run(JobType type, String jobName, Behavior behavior, long runningMillis, boolean queued)
            throws InterruptedException {
        GenericKubernetesResource job = awaitJob(type, jobName);
        if (job == null) {
            return;
        }
        String kind = type.kind().kindName();
        boolean v1Style = type.kind() != JobKind.TRAIN_JOB && type.kind() != JobKind.JOB;
        if (queued) {
            setConditions(type, jobName, c -> c.add(cond("Suspended", "True", "Suspended", "job is suspended")));
            Thread.sleep(300);
            setConditions(type, jobName, c -> {
                c.clear();
                c.add(cond("Suspended", "False", "Resumed", "job is resumed"));
            });
        }
        if (v1Style) {
            setConditions(type, jobName, c -> c.add(cond("Created", "True", kind + "Created",
                    kind + " " + jobName + " is created.")));
        }
        List<Pod> pods = plan(type, job);
        for (Pod p : pods) {
            client.pods().inNamespace(namespace).resource(p).create();
        }
        Pod first = pods.get(0);
        String firstContainer = first.getSpec().getContainers().get(0).getName();
        switch (behavior) {
            case UNSCHEDULABLE:
                status(first, s -> s.setConditions(List.of(podCond("PodScheduled", "False", "Unschedulable",
                        UNSCHEDULABLE_MESSAGE))));
                break;
            case IMAGE_PULL:
                status(first, s -> {
                    s.setConditions(List.of(podCond("PodScheduled", "True", null, null)));
                    s.setContainerStatuses(List.of(waiting(firstContainer, "ErrImagePull",
                            "failed to pull and unpack image \"" + TestJobs.IMAGE + "\": not found", 0)));
                });
                Thread.sleep(50);
                status(first, s -> s.setContainerStatuses(List.of(waiting(firstContainer, "ImagePullBackOff",
                        "Back-off pulling image \"" + TestJobs.IMAGE + "\"", 0))));
                break;
            default:
                runPods(type, jobName, pods, behavior, runningMillis);
        }
    }

    private void runPods(JobType type, String jobName, List<Pod> pods, Behavior behavior, long runningMillis)
            throws InterruptedException {
        String kind = type.kind().kindName();
        boolean v1Style = type.kind() != JobKind.TRAIN_JOB && type.kind() != JobKind.JOB;
        for (Pod p : pods) {
            String c = p.getSpec().getContainers().get(0).getName();
            serveLog(p, c, String.join("\n", mllog) + "\n", p == pods.get(0) ? logDelivery : LogDelivery.WHOLE);
            status(p, s -> {
                s.setPhase("Pending");
                s.setConditions(List.of(podCond("PodScheduled", "True", null, null)));
            });
            status(p, s -> {
                s.setPhase("Running");
                s.setConditions(List.of(podCond("PodScheduled", "True", null, null),
                        podCond("Initialized", "True", null, null), podCond("ContainersReady", "True", null, null),
                        podCond("Ready", "True", null, null)));
                s.setContainerStatuses(List.of(running(c, 0)));
            });
        }
        if (v1Style) {
            setConditions(type, jobName, cs -> cs.add(cond("Running", "True", kind + "Running",
                    kind + " " + jobName + " is running.")));
        }
        Thread.sleep(runningMillis);
        Pod first = pods.get(0);
        String c0 = first.getSpec().getContainers().get(0).getName();
        switch (behavior) {
            case RESTART_THEN_SUCCEED:
                serveLog(first, c0, "after restart\n" + String.join("\n", mllog) + "\n", LogDelivery.WHOLE);
                String lastStart = Instant.now().minusMillis(1500).toString();
                status(first, s -> {
                    ContainerStatus cs = running(c0, 1);
                    cs.setLastState(new io.fabric8.kubernetes.api.model.ContainerStateBuilder().withNewTerminated()
                            .withExitCode(1).withReason("Error").withStartedAt(lastStart)
                            .withFinishedAt(Instant.parse(lastStart).plusMillis(1200).toString()).endTerminated()
                            .build());
                    s.setContainerStatuses(List.of(cs));
                });
                Thread.sleep(300);
                succeed(type, jobName, pods);
                break;
            case SUCCEED:
                succeed(type, jobName, pods);
                break;
            case EXIT_FAILURE:
                terminate(first, c0, 1, "Error", "Failed");
                fail(type, jobName, failedReason(type), kind + " " + jobName + " is failed because 1 "
                        + replicaType(first) + " replica(s) failed.");
                break;
            case OOM:
                terminate(first, c0, 137, "OOMKilled", "Failed");
                fail(type, jobName, failedReason(type), kind + " " + jobName + " is failed because 1 "
                        + replicaType(first) + " replica(s) failed.");
                break;
            case OOM_FAILED_FIRST:
                oomFailedFirst(type, jobName, pods);
                break;
            case NODE_LOST:
                nodeLost(type, jobName, first, c0);
                break;
            case CRASH_LOOP:
                status(first, s -> {
                    ContainerStatus cs = waiting(c0, "CrashLoopBackOff",
                            "back-off 40s restarting failed container=" + c0, 3);
                    cs.setLastState(new io.fabric8.kubernetes.api.model.ContainerStateBuilder().withNewTerminated()
                            .withExitCode(1).withReason("Error").endTerminated().build());
                    s.setContainerStatuses(List.of(cs));
                });
                break;
            case EVICTED:
                status(first, s -> {
                    s.setPhase("Failed");
                    s.setReason("Evicted");
                    s.setMessage("The node was low on resource: memory. Threshold quantity: 100Mi, available: 51Mi.");
                });
                break;
            case DEADLINE:
                if (type.kind() == JobKind.TRAIN_JOB || type.kind() == JobKind.JOB) {
                    fail(type, jobName, "DeadlineExceeded", "Job was active longer than specified deadline");
                } else {
                    fail(type, jobName, failedReason(type), "Job " + jobName
                            + " has failed because it was active longer than specified deadline");
                }
                break;
            default:
                break;
        }
    }

    /** What the API server holds once the operator saw the OOM: a LIST answers it; the watch event comes later. */
    private void oomFailedFirst(JobType type, String jobName, List<Pod> pods) throws InterruptedException {
        Pod first = pods.get(0);
        String c0 = first.getSpec().getContainers().get(0).getName();
        io.fabric8.kubernetes.api.model.PodList truth = client.pods().inNamespace(namespace)
                .withLabel(type.podJobLabel(), jobName).list();
        truth.getItems().stream().filter(p -> p.getMetadata().getName().equals(first.getMetadata().getName()))
                .forEach(p -> {
                    p.getStatus().setPhase("Failed");
                    p.getStatus().setContainerStatuses(List.of(terminated(c0, 137, "OOMKilled")));
                });
        server.expect().get().withPath("/api/v1/namespaces/" + namespace + "/pods?labelSelector="
                + type.podJobLabel().replace("/", "%2F") + "%3D" + jobName).andReturn(200, truth).once();
        fail(type, jobName, failedReason(type), type.kind().kindName() + " " + jobName + " is failed because 1 "
                + replicaType(first) + " replica(s) failed.");
        Thread.sleep(1000);
        terminate(first, c0, 137, "OOMKilled", "Failed");
    }

    /** PodGC after the node is gone, the operator's replacement pod (same name, new uid), then the job fails. */
    private void nodeLost(JobType type, String jobName, Pod first, String c0) throws InterruptedException {
        status(first, s -> {
            s.setPhase("Failed");
            List<PodCondition> conditions = new ArrayList<>(s.getConditions());
            conditions.add(podCond("DisruptionTarget", "True", "DeletionByPodGC",
                    "PodGC: node no longer exists"));
            s.setConditions(conditions);
            s.setContainerStatuses(List.of(terminated(c0, 137, "ContainerStatusUnknown")));
        });
        client.pods().inNamespace(namespace).withName(first.getMetadata().getName()).delete();
        for (int i = 0; i < 200 && client.pods().inNamespace(namespace).withName(first.getMetadata().getName())
                .get() != null; i++) {
            Thread.sleep(10);
        }
        Pod again = new PodBuilder(first).editMetadata().withUid(java.util.UUID.randomUUID().toString())
                .withResourceVersion(null).endMetadata().editSpec().withNodeName(NODE_PREFIX + "9").endSpec()
                .withNewStatus().withPhase("Pending").endStatus().build();
        client.pods().inNamespace(namespace).resource(again).create();
        serveLog(again, c0, "after re-creation\n" + String.join("\n", mllog) + "\n", LogDelivery.WHOLE);
        status(again, s -> {
            s.setPhase("Running");
            s.setConditions(List.of(podCond("PodScheduled", "True", null, null)));
            s.setContainerStatuses(List.of(running(c0, 0)));
        });
        Thread.sleep(500);
        terminate(again, c0, 1, "Error", "Failed");
        fail(type, jobName, failedReason(type), type.kind().kindName() + " " + jobName + " is failed because 1 "
                + replicaType(first) + " replica(s) failed.");
    }

    /**
     * Serves a container instance's log: the follow stream (once, as {@code delivery} says), and the non-following
     * reads kubebench makes to check that the log is whole (its last line, and all of it).
     */
    private void serveLog(Pod p, String container, String log, LogDelivery delivery) {
        String pod = p.getMetadata().getName();
        boolean firstInstance = currentLogs.put(pod, log) == null;
        switch (delivery) {
            case SLOW -> server.expect().get().delay(SLOW_LOG_MILLIS).withPath(logPath(pod, container))
                    .andReturn(200, log).once();
            case CUT -> server.expect().get().withPath(logPath(pod, container))
                    .andReturn(200, log.substring(0, log.indexOf('\n', log.length() / 4) + 1)).once();
            default -> server.expect().get().withPath(logPath(pod, container)).andReturn(200, log).once();
        }
        if (firstInstance) {
            String base = "/api/v1/namespaces/" + namespace + "/pods/" + pod + "/log?pretty=false&container="
                    + container;
            server.expect().get().withPath(base).andReply(200, req -> currentLogs.get(pod)).always();
            server.expect().get().withPath(base + "&tailLines=1").andReply(200, req -> {
                String text = currentLogs.get(pod);
                String body = text.substring(0, text.length() - 1);
                return body.substring(body.lastIndexOf('\n') + 1) + "\n";
            }).always();
        }
    }

    private static String failedReason(JobType type) {
        return type.kind() == JobKind.JOB ? "BackoffLimitExceeded"
                : type.kind() == JobKind.TRAIN_JOB ? "FailedJobs" : type.kind().kindName() + "Failed";
    }

    private static String replicaType(Pod p) {
        String t = p.getMetadata().getLabels().get("training.kubeflow.org/replica-type");
        return t == null ? "Worker" : Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }

    private void succeed(JobType type, String jobName, List<Pod> pods) {
        for (Pod p : pods) {
            terminate(p, p.getSpec().getContainers().get(0).getName(), 0, "Completed", "Succeeded");
        }
        String kind = type.kind().kindName();
        setConditions(type, jobName, cs -> {
            cs.replaceAll(c -> "Running".equals(c.get("type")) ? cond("Running", "False", kind + "Running",
                    kind + " " + jobName + " is running.") : c);
            if (type.kind() == JobKind.JOB) {
                cs.add(cond("SuccessCriteriaMet", "True", "CompletionsReached", "Reached expected number of succeeded pods"));
                cs.add(cond("Complete", "True", "CompletionsReached", "Reached expected number of succeeded pods"));
            } else if (type.kind() == JobKind.TRAIN_JOB) {
                cs.add(cond("Complete", "True", "JobsCompleted", "jobset completed successfully"));
            } else {
                cs.add(cond("Succeeded", "True", kind + "Succeeded", kind + " " + jobName
                        + " is successfully completed."));
            }
        });
    }

    private void fail(JobType type, String jobName, String reason, String message) {
        setConditions(type, jobName, cs -> {
            cs.replaceAll(c -> "Running".equals(c.get("type"))
                    ? cond("Running", "False", String.valueOf(c.get("reason")), String.valueOf(c.get("message"))) : c);
            cs.add(cond("Failed", "True", reason, message));
        });
    }

    private void terminate(Pod p, String container, int exit, String reason, String phase) {
        status(p, s -> {
            s.setPhase(phase);
            s.setContainerStatuses(List.of(terminated(container, exit, reason)));
        });
    }

    private static ContainerStatus terminated(String container, int exit, String reason) {
        return new ContainerStatusBuilder().withName(container).withImage(TestJobs.IMAGE).withRestartCount(0)
                .withReady(false).withNewState().withNewTerminated().withExitCode(exit).withReason(reason)
                .withStartedAt(now()).withFinishedAt(now()).endTerminated().endState().build();
    }

    /** Creates the pods the operator would create for this job, in the operator's shape. */
    private List<Pod> plan(JobType type, GenericKubernetesResource job) {
        String name = job.getMetadata().getName();
        @SuppressWarnings("unchecked") // the job was created from Map trees by TestJobs
        Map<String, Object> spec = (Map<String, Object>) job.getAdditionalProperties().get("spec");
        Map<String, String> kbLabels = new LinkedHashMap<>();
        job.getMetadata().getLabels().forEach((k, v) -> {
            if (k.startsWith("kubebench.dev/")) {
                kbLabels.put(k, v);
            }
        });
        List<Pod> pods = new ArrayList<>();
        JobKind kind = type.kind();
        if (kind == JobKind.TRAIN_JOB) {
            @SuppressWarnings("unchecked")
            Map<String, Object> trainer = (Map<String, Object>) spec.get("trainer");
            int n = ((Number) trainer.get("numNodes")).intValue();
            for (int i = 0; i < n; i++) {
                Map<String, String> l = new LinkedHashMap<>(kbLabels);
                l.put(JobType.JOBSET_NAME_LABEL, name);
                l.put("jobset.sigs.k8s.io/replicatedjob-name", "node");
                l.put("jobset.sigs.k8s.io/job-index", "0");
                l.put("batch.kubernetes.io/job-completion-index", Integer.toString(i));
                pods.add(pod(name + "-node-0-" + i + "-" + rand(name, i), l, "node", env(
                        "PET_NNODES", n, "PET_NPROC_PER_NODE", "auto", "PET_NODE_RANK", i,
                        "PET_MASTER_ADDR", name + "-node-0-0." + name, "PET_MASTER_PORT", 29500)));
            }
            return pods;
        }
        if (kind == JobKind.JOB) {
            int n = spec.containsKey("completions") ? ((Number) spec.get("completions")).intValue() : 1;
            for (int i = 0; i < n; i++) {
                Map<String, String> l = new LinkedHashMap<>(kbLabels);
                l.put("job-name", name);
                l.put("batch.kubernetes.io/job-name", name);
                l.put("controller-uid", "6c1f0c2e-0000-4000-8000-00000000000" + i);
                if (n > 1) {
                    l.put("batch.kubernetes.io/job-completion-index", Integer.toString(i));
                }
                pods.add(pod(name + (n > 1 ? "-" + i : "") + "-" + rand(name, i), l, "main",
                        env("JOB_COMPLETION_INDEX", i)));
            }
            return pods;
        }
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> replicaSpecs = (Map<String, Map<String, Object>>) spec
                .get(kind.replicaSpecsField());
        boolean v2beta1 = "v2beta1".equals(type.version());
        int total = replicaSpecs.values().stream().mapToInt(r -> ((Number) r.get("replicas")).intValue()).sum();
        int rank = 0;
        for (Map.Entry<String, Map<String, Object>> e : replicaSpecs.entrySet()) {
            String rtype = e.getKey();
            int n = ((Number) e.getValue().get("replicas")).intValue();
            for (int i = 0; i < n; i++, rank++) {
                Map<String, String> l = new LinkedHashMap<>(kbLabels);
                l.put("training.kubeflow.org/job-name", name);
                String podName;
                if (kind == JobKind.MPI_JOB && v2beta1) {
                    l.put("training.kubeflow.org/operator-name", "mpi-operator");
                    boolean launcher = "Launcher".equals(rtype);
                    l.put("training.kubeflow.org/job-role", launcher ? "launcher" : "worker");
                    if (!launcher) {
                        l.put("training.kubeflow.org/replica-index", Integer.toString(i));
                    }
                    podName = launcher ? name + "-launcher-" + rand(name, i) : name + "-worker-" + i;
                    pods.add(pod(podName, l, "mpi", env("K_MPI_JOB_ROLE", launcher ? "launcher" : "worker")));
                    continue;
                }
                l.put("training.kubeflow.org/operator-name", kind.operatorName());
                l.put("training.kubeflow.org/replica-type", rtype.toLowerCase(Locale.ROOT));
                l.put("training.kubeflow.org/replica-index", Integer.toString(i));
                if (isMasterRole(kind, rtype, i)) {
                    l.put("training.kubeflow.org/job-role", "master");
                }
                podName = kind == JobKind.MPI_JOB && "Launcher".equals(rtype) ? name + "-launcher"
                        : name + "-" + rtype.toLowerCase(Locale.ROOT) + "-" + i;
                String container = kind == JobKind.MPI_JOB ? "mpi" : kind.containerName();
                pods.add(pod(podName, l, container, v1Env(kind, name, rtype, i, rank, total)));
                pods.get(pods.size() - 1).getSpec().setNodeName(NODE_PREFIX + rank);
            }
        }
        return pods;
    }

    private static boolean isMasterRole(JobKind kind, String rtype, int index) {
        switch (kind) {
            case MPI_JOB:
                return "Launcher".equals(rtype);
            case JAX_JOB:
                return index == 0;
            case TF_JOB:
                return "Chief".equals(rtype) || "Master".equals(rtype);
            default:
                return "Master".equals(rtype);
        }
    }

    private static List<EnvVar> v1Env(JobKind kind, String job, String rtype, int index, int rank, int total) {
        switch (kind) {
            case PYTORCH_JOB:
                return env("PYTHONUNBUFFERED", 1, "MASTER_ADDR", job + "-master-0", "MASTER_PORT", 23456,
                        "WORLD_SIZE", total, "RANK", rank, "PET_MASTER_ADDR", job + "-master-0",
                        "PET_MASTER_PORT", 23456, "PET_NODE_RANK", rank, "PET_NPROC_PER_NODE", "auto",
                        "PET_NNODES", total);
            case TF_JOB:
                return env("TF_CONFIG", "{\"cluster\":{\"chief\":[\"" + job + "-chief-0." + "test.svc:2222\"]},"
                        + "\"task\":{\"type\":\"" + rtype.toLowerCase(Locale.ROOT) + "\",\"index\":" + index + "}}");
            case XGBOOST_JOB:
                return env("PYTHONUNBUFFERED", 1, "MASTER_ADDR", job + "-master-0", "MASTER_PORT", 9999,
                        "WORLD_SIZE", total, "RANK", rank);
            case JAX_JOB:
                return env("PYTHONUNBUFFERED", 1, "COORDINATOR_ADDRESS", job + "-worker-0", "COORDINATOR_PORT", 6666,
                        "NUM_PROCESSES", total, "PROCESS_ID", index);
            case PADDLE_JOB:
                return env("PYTHONUNBUFFERED", 1, "PADDLE_JOB_ID", job, "PADDLE_NNODES", total,
                        "PADDLE_MASTER", job + "-master-0:36543");
            default:
                return "Launcher".equals(rtype) ? env("OMPI_MCA_plm_rsh_agent", "/etc/mpi/kubexec.sh",
                        "OMPI_MCA_orte_default_hostfile", "/etc/mpi/hostfile") : env();
        }
    }

    private Pod pod(String name, Map<String, String> labels, String container, List<EnvVar> env) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels)
                .withUid(java.util.UUID.randomUUID().toString()).endMetadata().withNewSpec().withRestartPolicy("Never").withContainers(new ContainerBuilder()
                        .withName(container).withImage(TestJobs.IMAGE).withEnv(env).withNewResources()
                        .addToLimits("memory", new io.fabric8.kubernetes.api.model.Quantity("1Gi")).endResources()
                        .build()).endSpec().withNewStatus().withPhase("Pending").endStatus().build();
    }

    private static List<EnvVar> env(Object... kv) {
        List<EnvVar> out = new ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.add(new EnvVar((String) kv[i], String.valueOf(kv[i + 1]), null));
        }
        return out;
    }

    private static String rand(String name, int i) {
        String chars = "bcdfghjklmnpqrstvwxz2456789";
        StringBuilder sb = new StringBuilder();
        int h = Math.abs((name + i).hashCode());
        for (int k = 0; k < 5; k++) {
            sb.append(chars.charAt(h % chars.length()));
            h /= chars.length();
        }
        return sb.toString();
    }

    static String logPath(String pod, String container) {
        return "/api/v1/namespaces/test/pods/" + pod + "/log?pretty=false&container=" + container + "&follow=true";
    }

    private void status(Pod p, Consumer<PodStatus> change) {
        client.pods().inNamespace(namespace).withName(p.getMetadata().getName()).editStatus(pod -> {
            if (pod.getStatus() == null) {
                pod.setStatus(new PodStatus());
            }
            change.accept(pod.getStatus());
            return pod;
        });
    }

    private void setConditions(JobType type, String jobName, Consumer<List<Map<String, Object>>> change) {
        client.genericKubernetesResources(type.context()).inNamespace(namespace).withName(jobName).editStatus(j -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> status = (Map<String, Object>) j.getAdditionalProperties()
                    .computeIfAbsent("status", k -> new LinkedHashMap<String, Object>());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> conditions = (List<Map<String, Object>>) status
                    .computeIfAbsent("conditions", k -> new ArrayList<Map<String, Object>>());
            List<Map<String, Object>> copy = new ArrayList<>(conditions);
            change.accept(copy);
            status.put("conditions", copy);
            return j;
        });
    }

    private static Map<String, Object> cond(String type, String status, String reason, String message) {
        return TestJobs.map("type", type, "status", status, "reason", reason, "message", message,
                "lastUpdateTime", now(), "lastTransitionTime", now());
    }

    private static PodCondition podCond(String type, String status, String reason, String message) {
        return new PodConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
                .withLastTransitionTime(now()).build();
    }

    private static ContainerStatus running(String name, int restarts) {
        return new ContainerStatusBuilder().withName(name).withImage(TestJobs.IMAGE).withRestartCount(restarts)
                .withReady(true).withStarted(true).withNewState().withNewRunning().withStartedAt(now()).endRunning()
                .endState().build();
    }

    private static ContainerStatus waiting(String name, String reason, String message, int restarts) {
        return new ContainerStatusBuilder().withName(name).withImage(TestJobs.IMAGE).withRestartCount(restarts)
                .withReady(false).withNewState().withNewWaiting().withReason(reason).withMessage(message)
                .endWaiting().endState().build();
    }

    private static String now() {
        return Instant.now().toString();
    }

    private GenericKubernetesResource awaitJob(JobType type, String jobName) throws InterruptedException {
        for (int i = 0; i < 400 && !closed; i++) {
            GenericKubernetesResource job = client.genericKubernetesResources(type.context()).inNamespace(namespace)
                    .withName(jobName).get();
            if (job != null) {
                return job;
            }
            Thread.sleep(25);
        }
        return null;
    }

    /** The garbage collector's part of foreground deletion: the job's pods go once the job is deleted. */
    private void awaitDeletionAndCollect(JobType type, String jobName) throws InterruptedException {
        for (int i = 0; i < 2400 && !closed; i++) {
            if (client.genericKubernetesResources(type.context()).inNamespace(namespace).withName(jobName)
                    .get() == null) {
                break;
            }
            Thread.sleep(25);
        }
        client.pods().inNamespace(namespace).withLabel(type.podJobLabel(), jobName).delete();
    }

    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
    }
}
