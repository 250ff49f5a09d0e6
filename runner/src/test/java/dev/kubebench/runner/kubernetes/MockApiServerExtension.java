package dev.kubebench.runner.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh CRUD mock API server (fabric8's, HTTP, expectations and CRUD mixed, as
 * {@code @EnableKubernetesMockClient(crud = true, https = false)} sets it up) and a client of it for each test,
 * injected into the test's fields of type {@link KubernetesMockServer} and {@link KubernetesClient}. It differs in
 * one thing: watches go through {@link WatchSafeDispatcher}, so a watch closed while an event is in flight cannot
 * stall the server. Use it with {@code @ExtendWith(MockApiServerExtension.class)}.
 */
public final class MockApiServerExtension implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(
            MockApiServerExtension.class);

    /** A started server; the caller destroys it. */
    @SuppressWarnings("deprecation") // the JSON mapper fabric8's own extension gives the server
    public static KubernetesMockServer start() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        KubernetesMockServer server = new KubernetesMockServer(new Context(Serialization.jsonMapper()),
                new MockWebServer(), responses, new WatchSafeDispatcher(new KubernetesMixedDispatcher(responses)),
                false);
        server.init();
        return server;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        KubernetesMockServer server = start();
        NamespacedKubernetesClient client = server.createClient();
        ExtensionContext.Store store = context.getStore(STORE);
        store.put("server", server);
        store.put("client", client);
        Object test = context.getRequiredTestInstance();
        for (Class<?> c = test.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getType() == KubernetesMockServer.class) {
                    f.setAccessible(true);
                    f.set(test, server);
                } else if (f.getType() == KubernetesClient.class || f.getType() == NamespacedKubernetesClient.class) {
                    f.setAccessible(true);
                    f.set(test, client);
                }
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(STORE);
        NamespacedKubernetesClient client = store.remove("client", NamespacedKubernetesClient.class);
        KubernetesMockServer server = store.remove("server", KubernetesMockServer.class);
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.destroy();
        }
    }
}
