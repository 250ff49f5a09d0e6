package dev.kubebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.kubebench.runner.kubernetes.MockApiServerExtension;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kubebench cleanup} against the mock API server, through a kubeconfig file like a user's. */
@ExtendWith(MockApiServerExtension.class)
class CleanupCommandTest {
    private static final ResourceDefinitionContext PYTORCHJOBS = new ResourceDefinitionContext.Builder()
            .withGroup("kubeflow.org").withVersion("v1").withPlural("pytorchjobs").withKind("PyTorchJob")
            .withNamespaced(true).build();

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    private String[] result;

    private int run(String... args) {
        CommandLine cl = Main.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        result = new String[] {out.toString(), err.toString()};
        return code;
    }

    private Path kubeconfig(String server) throws Exception {
        return MockCluster.kubeconfig(dir.resolve("kubeconfig"), server, "ml");
    }

    private void create(String runId, String name) {
        Map<String, String> labels = Map.of("kubebench.dev/run-id", runId);
        client.configMaps().inNamespace("ml").resource(new ConfigMapBuilder().withNewMetadata().withName(name + "-files")
                .withLabels(labels).endMetadata().build()).create();
        GenericKubernetesResource job = new GenericKubernetesResourceBuilder().withApiVersion("kubeflow.org/v1")
                .withKind("PyTorchJob").withNewMetadata().withName(name).withLabels(labels).endMetadata().build();
        client.genericKubernetesResources(PYTORCHJOBS).inNamespace("ml").resource(job).create();
    }

    @Test
    void deletesOneRunOrAll() throws Exception {
        create("20261128-201500-aaaaaa", "resnet-aaaaaa-0");
        create("20261128-201600-bbbbbb", "resnet-bbbbbb-0");
        Path kc = kubeconfig(client.getMasterUrl().toString());

        assertEquals(0, run("cleanup", "--run-id", "20261128-201500-aaaaaa", "--kubeconfig", kc.toString()),
                result[1]);
        assertEquals("deleted 2 object(s) of run 20261128-201500-aaaaaa in namespace ml\n", result[0]);
        assertEquals(1, client.configMaps().inNamespace("ml").list().getItems().size());

        assertEquals(0, run("cleanup", "--all", "--kubeconfig", kc.toString(), "--context", "mock", "-n", "ml"),
                result[1]);
        assertEquals("deleted 2 object(s) of all kubebench runs in namespace ml\n", result[0]);
        assertEquals(0, client.genericKubernetesResources(PYTORCHJOBS).inNamespace("ml").list().getItems().size());
    }

    @Test
    void needsExactlyOneTarget() throws Exception {
        assertEquals(ExitCodes.USAGE, run("cleanup"));
        assertTrue(result[1].startsWith("error: Error: Missing required argument"), result[1]);
        assertEquals(ExitCodes.USAGE, run("cleanup", "--all", "--run-id", "x"));
        assertEquals(0, run("cleanup", "--help"));
        assertTrue(result[0].contains("--context=NAME") && result[0].contains("-n, --namespace=NS"), result[0]);
    }

    @Test
    void unreachableClusterIsOneLineExit4() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        long start = System.nanoTime();
        assertEquals(ExitCodes.INFRASTRUCTURE, run("cleanup", "--all", "--kubeconfig",
                kubeconfig("https://127.0.0.1:" + port).toString()));
        assertTrue(System.nanoTime() - start < 30_000_000_000L);
        assertEquals(1, result[1].lines().count(), result[1]);
        assertTrue(result[1].startsWith("error: cannot reach the Kubernetes API at https://127.0.0.1:" + port), result[1]);
    }
}
