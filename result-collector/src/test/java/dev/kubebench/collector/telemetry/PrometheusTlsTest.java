package dev.kubebench.collector.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code tls.caFile} and {@code insecureSkipVerify} against a real Prometheus serving HTTPS with its own certificate. */
class PrometheusTlsTest {
    static PrometheusServer prometheus;
    static PrometheusServer.Certificate certificate;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        Path dir = PrometheusServer.newDataDir();
        certificate = PrometheusServer.selfSignedCertificate(dir);
        prometheus = PrometheusServer.start(dir, List.of(), certificate);
    }

    @AfterAll
    static void stop() throws IOException {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void theCaFileIsTrustedAndAnInstantQueryAnswers() throws Exception {
        assertTrue(prometheus.url().startsWith("https://"), prometheus.url());
        PrometheusClient client = new PrometheusClient(new HttpTransport(prometheus.url(), null,
                certificate.certFile(), false));
        List<Series> answer = client.query("vector(87)", Instant.now());
        assertEquals(1, answer.size());
        assertEquals(87.0, answer.get(0).points().get(0).value());
    }

    @Test
    void anUntrustedCertificateIsPrometheusUnavailableAndInsecureSkipVerifyAcceptsIt() throws Exception {
        PrometheusClient strict = new PrometheusClient(new HttpTransport(prometheus.url(), null, null, false));
        PrometheusException e = assertThrows(PrometheusException.class, () -> strict.query("vector(1)", Instant.now()));
        assertFalse(e.rejected());
        assertTrue(e.getMessage().startsWith("cannot reach Prometheus at " + prometheus.url()), e.getMessage());
        PrometheusClient insecure = new PrometheusClient(new HttpTransport(prometheus.url(), null, null, true));
        assertEquals(1.0, insecure.query("vector(1)", Instant.now()).get(0).points().get(0).value());
    }
}
