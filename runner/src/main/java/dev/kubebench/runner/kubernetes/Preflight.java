package dev.kubebench.runner.kubernetes;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.catalog.spec.BenchmarkSpec;
import dev.kubebench.catalog.spec.JobKind;
import dev.kubebench.catalog.spec.NodePool;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The checks run before anything is created (issue 5): API reachable and authenticated, the job kind's CRD
 * installed at the spec's version, the namespace present, RBAC allowing what a trial does, and nodes of the node
 * pool offering the GPU resource, and a TrainJob's runtime. Every failure is one line with INFRASTRUCTURE (exit 4);
 * each request goes through {@link ApiRetry} and is bounded by the client's timeouts, so a dead cluster fails within
 * seconds. The free-GPU count is optional: it gets a short timeout, and any failure of it is a warning.
 */
final class Preflight {
    private final KubernetesClient client;
    private final String namespace;
    private final KubernetesSettings settings;
    private final ApiRetry retry;
    private final Consumer<String> warnings;
    private final String server;

    Preflight(KubernetesClient client, KubernetesSettings settings, ApiRetry retry, Consumer<String> warnings) {
        this.client = client;
        this.namespace = client.getNamespace();
        this.settings = settings;
        this.retry = retry;
        this.warnings = warnings;
        this.server = String.valueOf(client.getMasterUrl());
    }

    void check(BenchmarkSpec spec) {
        JobType type = JobType.of(spec.job().kind(), spec.job().apiVersion());
        reachable();
        namespaceExists();
        crdInstalled(type);
        permissions(type);
        if (type.kind() == JobKind.TRAIN_JOB && spec.job().runtime() != null && spec.job().manifest() == null) {
            new TrainJobRuntimes(client, retry, warnings).check(type, spec.job().runtime());
        }
        if (settings.checkNodes()) {
            nodes(spec.nodePool(), spec.job().resources().gpus());
        }
    }

    private void reachable() {
        try {
            retry.call(client::getKubernetesVersion);
        } catch (KubernetesClientException e) {
            throw ApiErrors.infrastructure(e, server, "get", "/version", null);
        }
    }

    private void namespaceExists() {
        try {
            if (retry.call(() -> client.namespaces().withName(namespace).get()) == null) {
                throw new KubebenchException(Failure.INFRASTRUCTURE, "namespace " + namespace
                        + " does not exist on " + server + " (create it, or pick another with -n)");
            }
        } catch (KubernetesClientException e) {
            if (ApiErrors.code(e) == 403) {
                return; // namespace-scoped users may not read Namespace objects; RBAC checks below cover the rest
            }
            throw ApiErrors.infrastructure(e, server, "get", "namespaces", null);
        }
    }

    private void crdInstalled(JobType type) {
        if (type.crdName() == null) {
            return;
        }
        List<String> served;
        try {
            CustomResourceDefinition crd = retry.call(() -> client.apiextensions().v1().customResourceDefinitions()
                    .withName(type.crdName()).get());
            if (crd == null) {
                throw notInstalled(type);
            }
            served = crd.getSpec().getVersions().stream().filter(v -> Boolean.TRUE.equals(v.getServed()))
                    .map(CustomResourceDefinitionVersion::getName).collect(Collectors.toList());
        } catch (KubernetesClientException e) {
            if (ApiErrors.code(e) != 403) {
                throw ApiErrors.infrastructure(e, server, "get", "customresourcedefinitions", null);
            }
            served = servedByDiscovery(type);
        }
        if (served.isEmpty()) {
            throw notInstalled(type);
        }
        if (!served.contains(type.version())) {
            String hint = type.kind() == JobKind.MPI_JOB
                    ? (served.contains("v2beta1")
                    ? " (the standalone MPI operator is installed): set job.apiVersion: kubeflow.org/v2beta1"
                    : " (the training operator's MPIJob is installed): set job.apiVersion: kubeflow.org/v1")
                    : ": upgrade the operator or change job.apiVersion";
            throw new KubebenchException(Failure.INFRASTRUCTURE, type.kind().kindName() + ": the cluster serves "
                    + type.crdName() + " at " + served.stream().map(v -> type.group() + "/" + v)
                    .collect(Collectors.joining(", ")) + ", but the spec asks for " + type.apiVersion() + hint);
        }
    }

    /** Users without CRD read access can still see served versions through API discovery. */
    private List<String> servedByDiscovery(JobType type) {
        List<String> served = new ArrayList<>();
        List<String> candidates = type.kind() == JobKind.MPI_JOB ? List.of("v1", "v2beta1") : List.of(type.version());
        for (String v : candidates) {
            try {
                APIResourceList list = retry.call(() -> client.getApiResources(type.group() + "/" + v));
                if (list != null && list.getResources() != null) {
                    for (APIResource r : list.getResources()) {
                        if (type.plural().equals(r.getName())) {
                            served.add(v);
                        }
                    }
                }
            } catch (KubernetesClientException e) {
                if (ApiErrors.code(e) != 404) {
                    throw ApiErrors.infrastructure(e, server, "discover", type.group() + "/" + v, null);
                }
            }
        }
        return served;
    }

    private KubebenchException notInstalled(JobType type) {
        String operator;
        switch (type.kind()) {
            case TRAIN_JOB:
                operator = "Kubeflow Trainer v2";
                break;
            case MPI_JOB:
                operator = "v2beta1".equals(type.version()) ? "the MPI operator" : "the Kubeflow training operator v1";
                break;
            default:
                operator = "the Kubeflow training operator v1";
        }
        return new KubebenchException(Failure.INFRASTRUCTURE, "CRD " + type.crdName() + " is not installed on "
                + server + ": " + type.kind().kindName() + " needs " + operator);
    }

    private void permissions(JobType type) {
        List<String[]> needed = List.of(
                new String[] {"create", type.group(), type.plural(), null},
                new String[] {"watch", type.group(), type.plural(), null},
                new String[] {"delete", type.group(), type.plural(), null},
                new String[] {"create", "", "configmaps", null},
                new String[] {"delete", "", "configmaps", null},
                new String[] {"watch", "", "pods", null},
                new String[] {"get", "", "pods", "log"});
        List<String> denied = new ArrayList<>();
        for (String[] n : needed) {
            SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder().withNewSpec()
                    .withNewResourceAttributes().withNamespace(namespace).withVerb(n[0]).withGroup(n[1])
                    .withResource(n[2]).withSubresource(n[3]).endResourceAttributes().endSpec().build();
            SelfSubjectAccessReview answer;
            try {
                answer = retry.call(() -> client.authorization().v1().selfSubjectAccessReview().create(review));
            } catch (KubernetesClientException e) {
                throw ApiErrors.infrastructure(e, server, "create", "selfsubjectaccessreviews.authorization.k8s.io",
                        null);
            }
            if (answer.getStatus() == null || !Boolean.TRUE.equals(answer.getStatus().getAllowed())) {
                String resource = (n[1].isEmpty() ? n[2] : n[2] + "." + n[1]) + (n[3] == null ? "" : "/" + n[3]);
                denied.add(n[0] + " " + resource);
            }
        }
        if (!denied.isEmpty()) {
            throw new KubebenchException(Failure.INFRASTRUCTURE, "RBAC: missing permission to "
                    + String.join(", ", denied) + " in namespace " + namespace
                    + " (SelfSubjectAccessReview; see docs/kubernetes.md for a Role)");
        }
    }

    private void nodes(NodePool pool, int gpusPerReplica) {
        if (pool.nodeSelector().isEmpty() && gpusPerReplica == 0) {
            return;
        }
        String selector = pool.nodeSelector().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
        List<Node> nodes;
        try {
            nodes = retry.call(() -> pool.nodeSelector().isEmpty() ? client.nodes().list().getItems()
                    : client.nodes().withLabels(pool.nodeSelector()).list().getItems());
        } catch (KubernetesClientException e) {
            if (ApiErrors.code(e) == 403) {
                warnings.accept("cannot list nodes (forbidden); skipped the node-pool check");
                return;
            }
            throw ApiErrors.infrastructure(e, server, "list", "nodes", null);
        }
        String where = selector.isEmpty() ? "in the cluster" : "matching nodeSelector {" + selector + "}";
        if (nodes.isEmpty()) {
            throw new KubebenchException(Failure.INFRASTRUCTURE, "no node " + where
                    + " (for a pool that scales from zero, skip this check with --skip-node-check)");
        }
        if (gpusPerReplica == 0) {
            return;
        }
        String gpu = pool.gpuResource();
        Map<String, Long> allocatable = new HashMap<>();
        for (Node n : nodes) {
            Quantity q = n.getStatus() == null || n.getStatus().getAllocatable() == null ? null
                    : n.getStatus().getAllocatable().get(gpu);
            allocatable.put(n.getMetadata().getName(), q == null ? 0 : q.getNumericalAmount().longValue());
        }
        long largest = allocatable.values().stream().mapToLong(Long::longValue).max().orElse(0);
        if (largest == 0) {
            throw new KubebenchException(Failure.INFRASTRUCTURE, nodes.size() + " node(s) " + where
                    + " but none has allocatable " + gpu + " (is the device plugin running?)");
        }
        if (largest < gpusPerReplica) {
            throw new KubebenchException(Failure.INFRASTRUCTURE, "each replica asks for " + gpusPerReplica + " "
                    + gpu + " but the largest node " + where + " has " + largest + " allocatable");
        }
        Map<String, Long> used = gpusInUse(gpu, allocatable);
        if (used == null) {
            return;
        }
        long best = allocatable.entrySet().stream()
                .mapToLong(e -> e.getValue() - used.getOrDefault(e.getKey(), 0L)).max().orElse(0);
        if (best < gpusPerReplica) {
            warnings.accept("no node " + where + " has " + gpusPerReplica + " free " + gpu + " right now (most free: "
                    + best + "); the job will wait for capacity");
        }
    }

    /**
     * GPUs requested by running or pending pods per node, or null when pods cannot be listed in time: the check is
     * optional, so it has its own short timeout and no retries, and a failure is a warning (a 403 a silent skip).
     */
    private Map<String, Long> gpusInUse(String gpu, Map<String, Long> nodes) {
        List<Pod> pods;
        int timeoutMillis = Math.toIntExact(settings.optionalCheckTimeout().toMillis());
        try {
            // shares the client's connections, so it is not closed; one list for the whole cluster
            KubernetesClient quick = client.newClient(new RequestConfigBuilder().withRequestTimeout(timeoutMillis)
                    .withRequestRetryBackoffLimit(0).build()).adapt(KubernetesClient.class);
            pods = quick.pods().inAnyNamespace().list().getItems();
        } catch (KubernetesClientException e) {
            if (ApiErrors.code(e) != 403) {
                warnings.accept("skipped the free-GPU check: " + ApiErrors.describe(e, server, "list", "pods", null));
            }
            return null;
        }
        Map<String, Long> used = new HashMap<>();
        for (Pod p : pods) {
            String node = p.getSpec() == null ? null : p.getSpec().getNodeName();
            String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
            if (node == null || !nodes.containsKey(node) || "Succeeded".equals(phase) || "Failed".equals(phase)) {
                continue;
            }
            long sum = 0;
            for (Container c : p.getSpec().getContainers()) {
                Map<String, Quantity> limits = c.getResources() == null ? null : c.getResources().getLimits();
                Quantity q = limits == null ? null : limits.get(gpu);
                sum += q == null ? 0 : q.getNumericalAmount().setScale(0, java.math.RoundingMode.UP)
                        .max(BigDecimal.ZERO).longValue();
            }
            used.merge(node, sum, Long::sum);
        }
        return used;
    }
}
