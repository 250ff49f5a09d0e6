package dev.kubebench.collector.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.kubebench.catalog.spec.CollectSpec;
import dev.kubebench.collector.result.TelemetryStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Error paths only (a mock stands in for Prometheus nowhere else): a 503 answer and nothing listening. */
class PrometheusUnavailableTest {
    static final TrialScope SCOPE = new TrialScope("bench", "20261130-100000-abc123", 0, "team-a",
            List.of("bench-abc123-0-worker-0"), List.of(), Instant.parse("2026-11-30T10:00:00Z"),
            Instant.parse("2026-11-30T10:10:00Z"), null);

    @TempDir
    Path tmp;

    @Test
    void a503MakesTelemetryUnavailableWithTheReasonAfterOneRequest() throws IOException, InterruptedException {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = "Service Unavailable: TSDB not ready".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            Path token = Files.writeString(tmp.resolve("token"), "s3cret\n");
            CollectSpec.Prometheus spec = new CollectSpec.Prometheus(url, null, CollectSpec.TelemetryProfile.DCGM,
                    Map.of(), null, new CollectSpec.Auth(token.toString(), null), null);
            PrometheusClient client = new PrometheusClient(new TelemetryRecorder(null).transport(spec));
            TrialTelemetry t = new TelemetryCollector(client).collect(spec, SCOPE);
            assertEquals(TelemetryStatus.UNAVAILABLE, t.telemetry().status());
            assertEquals("Prometheus at " + url + " answered HTTP 503: Service Unavailable: TSDB not ready",
                    t.telemetry().reason());
            assertEquals(url, t.telemetry().source());
            assertEquals(1, client.requests());
            assertTrue(t.metrics().isEmpty());
            // auth.bearerTokenFile: the file's content, trimmed
            assertEquals(List.of("Bearer s3cret"), authorizations);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void nothingListeningMakesTelemetryUnavailableWithTheReason() throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        TrialTelemetry t = new TelemetryCollector(new PrometheusClient(new HttpTransport(url, null, null, false)))
                .collect(CollectSpec.Prometheus.at(url), SCOPE);
        assertEquals(TelemetryStatus.UNAVAILABLE, t.telemetry().status());
        assertTrue(t.telemetry().reason().startsWith("cannot reach Prometheus at " + url), t.telemetry().reason());
    }
}
