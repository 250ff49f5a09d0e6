package dev.kubebench.cli;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The CRUD mock API server set up the way {@code kubebench run} finds a cluster (the namespace, RBAC that allows
 * everything, the operators' real CRDs from {@code shared/crds}), a kubeconfig file pointing at it, and a real
 * MLPerf log for the operator simulator to serve.
 */
final class MockCluster {
    /** The bearer token of the {@link #kubeconfig} user. */
    static final String TOKEN = "kubebench-test-token";
    private static final Map<String, CustomResourceDefinition> CRDS = new ConcurrentHashMap<>();

    private MockCluster() {
    }

    /**
     * Creates {@code namespace}, answers every SelfSubjectAccessReview with "allowed" (CRUD mode does not evaluate
     * RBAC), and installs each CRD, given by its path under {@code shared/crds}.
     */
    static void prepare(KubernetesMockServer server, KubernetesClient client, String namespace, String... crds) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata()
                .build()).create();
        server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews").andReply(201, req -> {
            SelfSubjectAccessReview review = client.getKubernetesSerialization().unmarshal(req.getUtf8Body(),
                    SelfSubjectAccessReview.class);
            review.setStatus(new SubjectAccessReviewStatus(true, false, null, null));
            return review;
        }).always();
        for (String crd : crds) {
            installCrd(client, crd);
        }
    }

    /** Installs a CRD given by its path under {@code shared/crds}. */
    static void installCrd(KubernetesClient client, String relative) {
        client.apiextensions().v1().customResourceDefinitions().resource(crd(client, relative)).create();
    }

    /** A kubeconfig file for {@code server} whose user has the bearer token {@link #TOKEN}. */
    static Path kubeconfig(Path file, String server, String namespace) throws IOException {
        return Files.writeString(file, String.join("\n",
                "apiVersion: v1",
                "kind: Config",
                "clusters:",
                "- name: mock",
                "  cluster: {server: \"" + server + "\"}",
                "users:",
                "- name: tester",
                "  user: {token: " + TOKEN + "}",
                "contexts:",
                "- name: mock",
                "  context: {cluster: mock, user: tester, namespace: " + namespace + "}",
                "current-context: mock", ""));
    }

    /** Every MLLOG line of a real MLPerf ResNet submission run (run_start to run_stop, evals, epochs). */
    static List<String> mllog() throws IOException {
        Path file = Path.of(System.getProperty("kubebench.shared"),
                "mlperf-logs/3.0/Dell/XE9680x8H100-SXM-80GB/resnet/result_0.txt");
        return Files.readAllLines(file).stream().filter(l -> l.startsWith(":::MLLOG")).collect(Collectors.toList());
    }

    private static CustomResourceDefinition crd(KubernetesClient client, String relative) {
        return CRDS.computeIfAbsent(relative, r -> {
            Path file = Path.of(System.getProperty("kubebench.shared"), "crds", r);
            try (InputStream in = Files.newInputStream(file)) {
                return client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
