package dev.kubebench.runner.kubernetes;

import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.CustomResourceAware;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.Resetable;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * fabric8's CRUD and expectation dispatcher (what {@code @EnableKubernetesMockClient(crud = true)} uses), with watch
 * events that cannot stall the mock server.
 *
 * <p>Why: fabric8 8.0.0's watch listener sends each event from its own executor thread and waits (up to 30 s) for
 * the write to complete on the server's event loop; when the client closes the watch, the listener's
 * {@code onClosed} runs on that same event loop and waits (up to a minute) for the executor to finish. An event in
 * flight at the moment a watch closes therefore deadlocks the event loop for 30 s, and every request on it (any
 * GET, PUT or log read of the test) times out. A loaded machine widens the window; kubebench closes its watches
 * at every trial's end while the operator simulator is still updating objects. Here each send is handed to a
 * sender thread of the watch's own instead of waited for: the listener's executor never blocks, so closing a watch
 * is prompt (the sender's pending write completes once the event loop is free), and events keep their order (one
 * sender, first in, first out).
 */
final class WatchSafeDispatcher extends Dispatcher implements Resetable, CustomResourceAware {
    private final KubernetesMixedDispatcher delegate;

    WatchSafeDispatcher(KubernetesMixedDispatcher delegate) {
        this.delegate = delegate;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        MockResponse response = delegate.dispatch(request);
        WebSocketListener listener = response.getWebSocketListener();
        if (listener != null) {
            response.withWebSocketUpgrade(new SenderSends(listener));
        }
        return response;
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }

    @Override
    public void releaseResources() {
        delegate.releaseResources();
    }

    @Override
    public void reset() {
        delegate.reset();
    }

    @Override
    public void expectCustomResource(CustomResourceDefinitionContext crd) {
        delegate.expectCustomResource(crd);
    }

    /** A watch listener whose web socket sends from a sender thread of its own. */
    private static final class SenderSends extends WebSocketListener {
        private final WebSocketListener delegate;
        private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mock-watch-sender");
            t.setDaemon(true);
            return t;
        });

        SenderSends(WebSocketListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void onBeforeAccept(WebSocket webSocket, Response response) {
            delegate.onBeforeAccept(webSocket, response);
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            delegate.onOpen(new SenderSocket(webSocket, sender), response);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            delegate.onMessage(webSocket, text);
        }

        @Override
        public void onMessage(WebSocket webSocket, byte[] bytes) {
            delegate.onMessage(webSocket, bytes);
        }

        @Override
        public void onPing(WebSocket webSocket, byte[] bytes) {
            delegate.onPing(webSocket, bytes);
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            delegate.onClosing(webSocket, code, reason);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            delegate.onClosed(webSocket, code, reason);
            sender.shutdown();
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            delegate.onFailure(webSocket, t, response);
            sender.shutdown();
        }
    }

    /**
     * Sends through the sender thread, which does the waiting. A send after the watch closed is dropped, as the real
     * API server drops events for a gone watch.
     */
    private record SenderSocket(WebSocket socket, ExecutorService sender) implements WebSocket {
        @Override
        public RecordedRequest request() {
            return socket.request();
        }

        @Override
        public boolean send(String text) {
            return submit(() -> socket.send(text));
        }

        @Override
        public boolean send(byte[] bytes) {
            return submit(() -> socket.send(bytes));
        }

        @Override
        public boolean close(int code, String reason) {
            return socket.close(code, reason);
        }

        private boolean submit(Runnable send) {
            try {
                sender.execute(send);
                return true;
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                return false;
            }
        }
    }
}
