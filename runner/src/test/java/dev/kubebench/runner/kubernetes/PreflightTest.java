package dev.kubebench.runner.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.catalog.spec.BenchmarkSpec;
import dev.kubebench.catalog.spec.JobKind;
import dev.kubebench.catalog.spec.JobSpec;
import dev.kubebench.catalog.spec.NodePool;
import dev.kubebench.catalog.spec.Resources;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.extension.ExtendWith;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Preflight against the mock API server holding the real Kubeflow CRDs (shared/crds). */
@ExtendWith(MockApiServerExtension.class)
class PreflightTest {
    KubernetesMockServer server;
    KubernetesClient client;

    /** SelfSubjectAccessReview answers: "verb resource" pairs denied to the user. */
    private final Set<String> denied = ConcurrentHashMap.newKeySet();
    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void setUp() {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("test").endMetadata().build())
                .create();
        server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews").andReply(201, req -> {
            SelfSubjectAccessReview review = client.getKubernetesSerialization().unmarshal(req.getUtf8Body(),
                    SelfSubjectAccessReview.class);
            String key = review.getSpec().getResourceAttributes().getVerb() + " "
                    + review.getSpec().getResourceAttributes().getResource();
            review.setStatus(new SubjectAccessReviewStatus(!denied.contains(key), false, null, null));
            return review;
        }).always();
    }

    /** Parsed once per JVM: the files are 600 KB each. */
    private static final Map<String, CustomResourceDefinition> CRDS = new ConcurrentHashMap<>();

    private void installCrd(String relative) {
        CustomResourceDefinition crd = CRDS.computeIfAbsent(relative, r -> {
            Path file = Path.of(System.getProperty("kubebench.shared"), "crds", r);
            try (java.io.InputStream in = Files.newInputStream(file)) {
                return client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    }

    private void gpuNode(String name, int gpus) {
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName(name)
                .withLabels(Map.of("nvidia.com/gpu.product", "NVIDIA-H100-80GB-HBM3")).endMetadata().withNewStatus()
                .withAllocatable(Map.of("nvidia.com/gpu", new Quantity(Integer.toString(gpus)), "cpu",
                        new Quantity("96"))).endStatus().build()).create();
    }

    private static BenchmarkSpec spec(JobKind kind, String apiVersion, int gpus) {
        BenchmarkSpec base = TestJobs.trial(kind, apiVersion, TestJobs.defaultReplicas(kind), Duration.ofHours(1),
                null).benchmark().spec();
        JobSpec j = base.job();
        JobSpec job = new JobSpec(j.kind(), j.apiVersion(), j.image(), j.command(), j.args(), j.env(), j.replicas(),
                new Resources(gpus, null, null), j.files(), null, null, j.runtime(), null, null);
        NodePool pool = gpus == 0 ? NodePool.DEFAULT : new NodePool("h100", Map.of("nvidia.com/gpu.product", "NVIDIA-H100-80GB-HBM3"), List.of(),
                null, null, 8);
        return new BenchmarkSpec(base.workload(), job, pool, base.scheduling(), base.data(), base.parameters(),
                base.sweep(), 1, base.timeout(), base.collect(), base.gates(), null);
    }

    /** Short budgets, so that a stalled or throttled answer decides a test in about a second. */
    static final KubernetesSettings SETTINGS = new KubernetesSettings(Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(3), Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofSeconds(3),
            Duration.ofSeconds(5), true, Duration.ofMillis(500));

    private Preflight preflight(String namespace) {
        KubernetesClient c = KubernetesClients.build(new ConfigBuilder(client.getConfiguration())
                .withNamespace(namespace).withRequestRetryBackoffLimit(0).build());
        return new Preflight(c, SETTINGS, ApiRetry.of(SETTINGS, KubernetesClients.hints(c)), warnings::add);
    }

    private String failure(JobKind kind, String apiVersion, int gpus, String namespace) {
        KubebenchException e = assertThrows(KubebenchException.class,
                () -> preflight(namespace).check(spec(kind, apiVersion, gpus)));
        assertEquals(Failure.INFRASTRUCTURE, e.failure());
        assertEquals(1, e.problems().size());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void passesWithCrdNamespacePermissionsAndGpuNodes() throws IOException {
        installCrd("kubeflow.org/kubeflow.org_pytorchjobs.yaml");
        gpuNode("gpu-1", 8);
        preflight("test").check(spec(JobKind.PYTORCH_JOB, null, 8));
        assertEquals(List.of(), warnings);
    }

    @Test
    void batchJobsNeedNoCrd() {
        preflight("test").check(spec(JobKind.JOB, null, 0));
    }

    @Test
    void missingCrdNamesTheOperator() {
        String msg = failure(JobKind.TRAIN_JOB, null, 0, "test");
        assertTrue(msg.startsWith("CRD trainjobs.trainer.kubeflow.org is not installed on http://localhost:"), msg);
        assertTrue(msg.endsWith("TrainJob needs Kubeflow Trainer v2"), msg);
    }

    @Test
    void mpiJobVersionMismatchIsDetectedFromServedVersions() throws IOException {
        installCrd("kubeflow.org/mpi-operator/kubeflow.org_mpijobs.yaml");
        String msg = failure(JobKind.MPI_JOB, null, 0, "test");
        assertEquals("MPIJob: the cluster serves mpijobs.kubeflow.org at kubeflow.org/v2beta1, but the spec asks for "
                + "kubeflow.org/v1 (the standalone MPI operator is installed): set job.apiVersion: kubeflow.org/v2beta1",
                msg);
        preflight("test").check(spec(JobKind.MPI_JOB, "kubeflow.org/v2beta1", 0));
    }

    @Test
    void trainingOperatorMpiJobRejectsV2beta1() throws IOException {
        installCrd("kubeflow.org/kubeflow.org_mpijobs.yaml");
        String msg = failure(JobKind.MPI_JOB, "kubeflow.org/v2beta1", 0, "test");
        assertTrue(msg.endsWith("(the training operator's MPIJob is installed): set job.apiVersion: kubeflow.org/v1"),
                msg);
    }

    @Test
    void missingNamespace() throws IOException {
        String msg = failure(JobKind.JOB, null, 0, "nope");
        assertTrue(msg.startsWith("namespace nope does not exist on http://localhost:"), msg);
    }

    @Test
    void missingPermissionsAreNamedWithVerbAndResource() throws IOException {
        denied.add("delete jobs");
        denied.add("get pods");
        String msg = failure(JobKind.JOB, null, 0, "test");
        assertEquals("RBAC: missing permission to delete jobs.batch, get pods/log in namespace test "
                + "(SelfSubjectAccessReview; see docs/kubernetes.md for a Role)", msg);
    }

    @Test
    void noMatchingNodesFailsAndNoGpusFails() throws IOException {
        String msg = failure(JobKind.JOB, null, 8, "test");
        assertTrue(msg.startsWith("no node matching nodeSelector {nvidia.com/gpu.product=NVIDIA-H100-80GB-HBM3}"), msg);
        gpuNode("cpu-only", 0);
        msg = failure(JobKind.JOB, null, 8, "test");
        assertEquals("1 node(s) matching nodeSelector {nvidia.com/gpu.product=NVIDIA-H100-80GB-HBM3} but none has "
                + "allocatable nvidia.com/gpu (is the device plugin running?)", msg);
    }

    @Test
    void busyGpusOnlyWarn() throws IOException {
        gpuNode("gpu-1", 8);
        client.pods().inNamespace("other").resource(new PodBuilder().withNewMetadata().withName("training")
                .endMetadata().withNewSpec().withNodeName("gpu-1").addNewContainer().withName("c").withImage("x")
                .withNewResources().addToLimits("nvidia.com/gpu", new Quantity("6")).endResources().endContainer()
                .endSpec().withNewStatus().withPhase("Running").endStatus().build()).create();
        preflight("test").check(spec(JobKind.JOB, null, 4));
        assertEquals(List.of("no node matching nodeSelector {nvidia.com/gpu.product=NVIDIA-H100-80GB-HBM3} has 4 free "
                + "nvidia.com/gpu right now (most free: 2); the job will wait for capacity"), warnings);
    }

    @Test
    void aStalledFreeGpuCheckIsAWarningNotAFailure() throws IOException {
        gpuNode("gpu-1", 8);
        // the API server holds the cluster-wide pod LIST for longer than the optional check's timeout
        server.expect().get().delay(3, java.util.concurrent.TimeUnit.SECONDS).withPath("/api/v1/pods")
                .andReturn(200, new io.fabric8.kubernetes.api.model.PodListBuilder().build()).always();
        long start = System.nanoTime();
        preflight("test").check(spec(JobKind.JOB, null, 4));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(3).toNanos(), "waited for the stalled LIST");
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("skipped the free-GPU check: cannot reach the Kubernetes API"),
                warnings.get(0));
    }

    @Test
    void throttledPreflightHonoursRetryAfterWithinItsBudget() throws IOException {
        server.expect().get().withPath("/api/v1/namespaces/test").andReply(new Throttled(1)).times(2);
        long start = System.nanoTime();
        preflight("test").check(spec(JobKind.JOB, null, 0));
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(1900).toNanos(), "Retry-After: 1 was honoured");
        server.expect().get().withPath("/api/v1/namespaces/test").andReply(new Throttled(1)).always();
        String msg = failure(JobKind.JOB, null, 0, "test");
        assertTrue(msg.contains("(429)") && msg.contains("still throttled (429 Too Many Requests) after retrying for 3s"),
                msg);
    }

    @Test
    void trainJobRuntimeMustExist() throws IOException {
        installCrd("trainer.kubeflow.org/trainer.kubeflow.org_trainjobs.yaml");
        String msg = failure(JobKind.TRAIN_JOB, null, 0, "test");
        assertEquals("TrainJob runtime torch-distributed not found: no ClusterTrainingRuntime and no TrainingRuntime "
                + "in namespace test is named torch-distributed (kubectl get clustertrainingruntimes lists the "
                + "installed ones)", msg);
        JobType type = JobType.of(JobKind.TRAIN_JOB, null);
        client.genericKubernetesResources(TrainJobRuntimes.context(type, true)).resource(
                new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
                        .withApiVersion(type.apiVersion()).withKind("ClusterTrainingRuntime").withNewMetadata()
                        .withName("torch-distributed").endMetadata().build()).create();
        preflight("test").check(spec(JobKind.TRAIN_JOB, null, 0));
        assertEquals(List.of(), warnings);
    }

    /** A 429 answer as API Priority and Fairness sends it: plain text and a Retry-After header. */
    static final class Throttled implements io.fabric8.mockwebserver.utils.ResponseProvider<Object> {
        private io.fabric8.mockwebserver.http.Headers headers;

        Throttled(int retryAfterSeconds) {
            headers = new io.fabric8.mockwebserver.http.Headers.Builder()
                    .add("Retry-After", Integer.toString(retryAfterSeconds)).build();
        }

        @Override
        public int getStatusCode(io.fabric8.mockwebserver.http.RecordedRequest request) {
            return 429;
        }

        @Override
        public Object getBody(io.fabric8.mockwebserver.http.RecordedRequest request) {
            return "Too many requests, please try again later.\n";
        }

        @Override
        public io.fabric8.mockwebserver.http.Headers getHeaders() {
            return headers;
        }

        @Override
        public void setHeaders(io.fabric8.mockwebserver.http.Headers headers) {
            this.headers = headers;
        }
    }

    @Test
    void unauthenticatedIsOneLine() {
        server.expect().get().withPath("/api/v1/namespaces/test").andReturn(401, new StatusBuilder().withCode(401)
                .withReason("Unauthorized").withMessage("Unauthorized").build()).always();
        String msg = failure(JobKind.PYTORCH_JOB, null, 0, "test");
        assertTrue(msg.startsWith("not authenticated to the Kubernetes API at http://localhost:"), msg);
    }

    @Test
    void unreachableClusterFailsWithinSeconds(@TempDir Path dir) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path kubeconfig = dir.resolve("config");
        Files.writeString(kubeconfig, String.join("\n", "apiVersion: v1", "kind: Config",
                "clusters:", "- name: dead", "  cluster: {server: 'https://127.0.0.1:" + port + "'}",
                "users:", "- name: u", "  user: {token: abc}",
                "contexts:", "- name: dead", "  context: {cluster: dead, user: u, namespace: ml}",
                "- name: other", "  context: {cluster: dead, user: u}",
                "current-context: other", ""));
        KubernetesSettings settings = KubernetesSettings.DEFAULTS;
        long start = System.nanoTime();
        try (KubernetesClient c = KubernetesClients.connect(new ClusterOptions(kubeconfig, "dead", null), settings)) {
            assertEquals("ml", c.getNamespace());
            KubebenchException e = assertThrows(KubebenchException.class,
                    () -> new Preflight(c, settings, ApiRetry.of(settings, null), warnings::add)
                            .check(spec(JobKind.PYTORCH_JOB, null, 0)));
            assertEquals(Failure.INFRASTRUCTURE, e.failure());
            assertTrue(e.getMessage().startsWith("cannot reach the Kubernetes API at https://127.0.0.1:" + port + "/: "),
                    e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(15).toNanos(), "took too long");
        KubebenchException e = assertThrows(KubebenchException.class,
                () -> KubernetesClients.config(new ClusterOptions(kubeconfig, "missing", null), settings));
        assertEquals("kubeconfig has no context named missing", e.getMessage());
        assertEquals("default", KubernetesClients.config(new ClusterOptions(kubeconfig, null, null), settings)
                .getNamespace());
        assertEquals("x", KubernetesClients.config(new ClusterOptions(kubeconfig, "dead", "x"), settings)
                .getNamespace());
    }
}
