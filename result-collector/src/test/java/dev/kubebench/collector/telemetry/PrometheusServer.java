package dev.kubebench.collector.telemetry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway Prometheus from the Debian package (DESIGN §2: real services in tests) on a free loopback port with a
 * temporary data directory, stopped and deleted by {@link #close()}. Feed it either way: {@link #backfill} writes
 * OpenMetrics history into the data directory with {@code promtool tsdb create-blocks-from openmetrics} before the
 * start, or {@link #start} with scrape targets that it scrapes every second. Missing binaries fail the test with the
 * command that installs them (CI installs them, so a skip would hide a broken set-up). Shared with the CLI's tests
 * through this module's test-jar.
 */
public final class PrometheusServer implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path dir;
    private final int port;
    private final boolean https;

    private PrometheusServer(Process process, Path dir, int port, boolean https) {
        this.process = process;
        this.dir = dir;
        this.port = port;
        this.https = https;
    }

    /**
     * A certificate and its key as PEM files for Prometheus' {@code tls_server_config}.
     *
     * @param certFile the self-signed certificate (also the CA a client trusts)
     * @param keyFile  its private key (PKCS#8)
     */
    public record Certificate(Path certFile, Path keyFile) {
    }

    /** A self-signed certificate for 127.0.0.1, made with the JDK's keytool (no openssl needed). */
    public static Certificate selfSignedCertificate(Path dir) throws IOException, InterruptedException {
        Path store = dir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        exec(List.of(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity",
                "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12", "-keystore",
                store.toString(), "-storepass", "changeit", "-keypass", "changeit"));
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, "changeit".toCharArray());
            }
            Base64.Encoder pem = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
            Path cert = dir.resolve("server.crt");
            Files.writeString(cert, "-----BEGIN CERTIFICATE-----\n"
                    + pem.encodeToString(ks.getCertificate("server").getEncoded()) + "\n-----END CERTIFICATE-----\n");
            Path key = dir.resolve("server.key");
            Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                    + pem.encodeToString(ks.getKey("server", "changeit".toCharArray()).getEncoded())
                    + "\n-----END PRIVATE KEY-----\n");
            return new Certificate(cert, key);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /** A new empty data directory for {@link #backfill} and {@link #start}. */
    public static Path newDataDir() throws IOException {
        return Files.createTempDirectory("kubebench-prometheus-");
    }

    /** Loads OpenMetrics text (ending in {@code # EOF}, timestamps in seconds) into a data directory. */
    public static void backfill(Path dataDir, String openMetrics) throws IOException, InterruptedException {
        Path input = dataDir.resolve("backfill.om");
        Files.writeString(input, openMetrics);
        Path data = Files.createDirectories(dataDir.resolve("data"));
        exec(List.of(binary("promtool"), "tsdb", "create-blocks-from", "openmetrics", input.toString(),
                data.toString()));
        Files.delete(input);
    }

    /**
     * Starts Prometheus on {@code dataDir} (as {@link #newDataDir()} made it), scraping each {@code host:port} target
     * every second with {@code honor_labels: true} (as the GPU operator's ServiceMonitor does).
     */
    public static PrometheusServer start(Path dataDir, List<String> scrapeTargets)
            throws IOException, InterruptedException {
        return start(dataDir, scrapeTargets, null);
    }

    /**
     * As {@link #start(Path, List)}, serving HTTPS with {@code certificate} (from {@link #selfSignedCertificate}) when
     * it is not null.
     */
    public static PrometheusServer start(Path dataDir, List<String> scrapeTargets, Certificate certificate)
            throws IOException, InterruptedException {
        StringBuilder config = new StringBuilder("global: {scrape_interval: 1s, evaluation_interval: 1s}\n");
        if (!scrapeTargets.isEmpty()) {
            config.append("scrape_configs:\n  - job_name: dcgm\n    honor_labels: true\n    static_configs:\n")
                    .append("      - targets: [").append(String.join(", ", scrapeTargets)).append("]\n");
        }
        Path configFile = dataDir.resolve("prometheus.yml");
        Files.writeString(configFile, config);
        Path data = Files.createDirectories(dataDir.resolve("data"));
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            List<String> cmd = new ArrayList<>(List.of(binary("prometheus"), "--config.file=" + configFile,
                    "--storage.tsdb.path=" + data, "--storage.tsdb.retention.time=100y",
                    "--web.listen-address=127.0.0.1:" + port, "--log.level=warn"));
            if (certificate != null) {
                Path web = dataDir.resolve("web.yml");
                Files.writeString(web, "tls_server_config:\n  cert_file: " + certificate.certFile() + "\n  key_file: "
                        + certificate.keyFile() + "\n");
                cmd.add("--web.config.file=" + web);
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("prometheus.log").toFile()).start();
            PrometheusServer server = new PrometheusServer(p, dataDir, port, certificate != null);
            if (server.awaitReady()) {
                return server;
            }
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            last = new IOException("Prometheus did not become ready on port " + port + ": "
                    + Files.readString(dataDir.resolve("prometheus.log")));
        }
        throw last;
    }

    /** {@code http://127.0.0.1:PORT}, or https when started with a certificate. */
    public String url() {
        return (https ? "https" : "http") + "://127.0.0.1:" + port;
    }

    /** Polls an instant query until it has a series (the first scrapes landed). */
    public void awaitSeries(String query, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create(url() + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        while (System.nanoTime() < deadline) {
            String body = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains("\"metric\"")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IOException("no series for " + query + " within " + timeout);
    }

    private boolean awaitReady() throws InterruptedException {
        // any certificate will do to see it listening; the tests check verification with the real client
        HttpTransport ready = new HttpTransport(url(), null, null, true);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (ready.get("/-/ready").status() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static String binary(String name) {
        for (String dir : List.of("/usr/bin", "/usr/local/bin", "/bin")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        throw new IllegalStateException(name + " not found: the telemetry tests need a real Prometheus; install it"
                + " with scripts/install-deps.sh (Debian package prometheus)");
    }

    private static void exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
