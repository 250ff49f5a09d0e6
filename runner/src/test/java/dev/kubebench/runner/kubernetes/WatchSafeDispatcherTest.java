package dev.kubebench.runner.kubernetes;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A watch that closes while its events are still being written leaves the mock API server answering. With
 * fabric8's own dispatcher the closing watch held the server's event loop until the pending write gave up (30 s),
 * and every other request of the test timed out meanwhile: the stall seen under load.
 */
class WatchSafeDispatcherTest {
    @Test
    void aWatchClosedWithWritesPendingDoesNotStallTheServer() throws Exception {
        KubernetesMockServer server = MockApiServerExtension.start();
        HttpClient http = HttpClient.newHttpClient();
        try (KubernetesClient writer = server.createClient(); KubernetesClient reader = server.createClient()) {
            writer.configMaps().inNamespace("test").resource(configMap(0)).create();
            // a watcher that reads nothing: once the socket buffers are full, the server's writes stay pending
            WebSocket watch = http.newWebSocketBuilder().buildAsync(URI.create("ws://" + server.getHostName() + ":"
                    + server.getPort() + "/api/v1/namespaces/test/configmaps?watch=true"), new WebSocket.Listener() {
                        @Override
                        public void onOpen(WebSocket webSocket) {
                            // no request(n): nothing is read
                        }
                    }).get(10, TimeUnit.SECONDS);
            for (int i = 1; i <= 10; i++) {
                writer.configMaps().inNamespace("test").resource(configMap(i)).update();
            }
            watch.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
            Thread.sleep(500);
            long start = System.nanoTime();
            assertNotNull(reader.configMaps().inNamespace("test").withName("storm").get());
            long millis = (System.nanoTime() - start) / 1_000_000;
            watch.abort();
            assertTrue(millis < 3000, "a GET after the watch closed took " + millis + " ms");
        } finally {
            server.destroy();
        }
    }

    /** About 1 MB, so that a few events fill the loopback socket's buffers. */
    private static ConfigMap configMap(int i) {
        return new ConfigMapBuilder().withNewMetadata().withName("storm").withNamespace("test").endMetadata()
                .addToData("i", Integer.toString(i)).addToData("pad", "x".repeat(1 << 20)).build();
    }
}
