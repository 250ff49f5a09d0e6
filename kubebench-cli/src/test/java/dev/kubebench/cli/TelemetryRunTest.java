package dev.kubebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.kubebench.catalog.spec.JobKind;
import dev.kubebench.collector.result.MeasurementKind;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.collector.result.TelemetryStatus;
import dev.kubebench.collector.store.RunDirectory;
import dev.kubebench.collector.telemetry.DcgmHistory;
import dev.kubebench.collector.telemetry.PrometheusServer;
import dev.kubebench.core.metric.MetricNames;
import dev.kubebench.core.timeline.EventKind;
import dev.kubebench.core.timeline.TimelineEvent;
import dev.kubebench.core.trial.TrialState;
import dev.kubebench.runner.kubernetes.JobType;
import dev.kubebench.runner.kubernetes.OperatorSimulator;
import dev.kubebench.runner.render.RunLabels;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import dev.kubebench.runner.kubernetes.MockApiServerExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Telemetry end to end with a real Prometheus (Debian's), started once for the class: live, a DCGM-format endpoint
 * serving the pods of a {@code kubebench run} on the mock API server, scraped every second; backfilled, known history
 * for {@code kubebench telemetry RUN_DIR} on an existing run directory; and an unreachable Prometheus.
 */
@ExtendWith(MockApiServerExtension.class)
class TelemetryRunTest {
    private static final String NS = "test";
    private static final String BENCHMARK = "k8s-resnet";
    /** What the endpoint serves for every GPU (one per pod). */
    private static final double UTIL_PCT = 87;
    private static final double MEM_MIB = 30000;
    private static final double MEM_WORKER_MIB = 40000;
    private static final double POWER_W = 350;
    /** Each GPU's energy counter steps by this (mJ) 2.5 s after its pod appeared, inside the trial's window. */
    private static final long ENERGY_STEP_MJ = 210_000_000L;
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final String OLD_MASTER = "old-run-abc123-0-master-0";
    private static final String OLD_WORKER = "old-run-abc123-0-worker-0";

    static PrometheusServer prometheus;
    static HttpServer exporter;
    /** The pods the exporter serves, and when it first saw each (epoch ms). */
    static final Map<String, Long> FIRST_SEEN = new ConcurrentHashMap<>();
    static volatile KubernetesClient podSource;
    /** A results directory whose local runs' replicas the exporter also serves (from their events.jsonl). */
    static volatile Path localResults;

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path tmp;

    private OperatorSimulator simulator;
    private Path kubeconfig;

    @BeforeAll
    static void startPrometheus() throws IOException, InterruptedException {
        exporter = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        exporter.createContext("/metrics", exchange -> {
            byte[] body = dcgmMetrics().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        exporter.start();
        DcgmHistory h = new DcgmHistory(T0, 600);
        for (String pod : List.of(OLD_MASTER, OLD_WORKER)) {
            String labels = DcgmHistory.exportedLabels("node-1", "GPU-" + pod, pod, NS);
            h.series("DCGM_FI_DEV_GPU_UTIL", labels, t -> 87)
                    .series("DCGM_FI_DEV_FB_USED", labels, t -> 30000)
                    .series("DCGM_FI_DEV_POWER_USAGE", labels, t -> 350)
                    .series("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", labels, t -> 350_000L * (t + 60));
        }
        Path dir = PrometheusServer.newDataDir();
        PrometheusServer.backfill(dir, h.openMetrics());
        prometheus = PrometheusServer.start(dir, List.of("127.0.0.1:" + exporter.getAddress().getPort()));
    }

    @AfterAll
    static void stop() throws IOException {
        if (exporter != null) {
            exporter.stop(0);
        }
        if (prometheus != null) {
            prometheus.close();
        }
    }

    /** DCGM exporter text for every pod of the benchmark that exists now (as the exporter sees pods on its node). */
    static String dcgmMetrics() {
        StringBuilder out = new StringBuilder();
        long now = System.currentTimeMillis();
        List<Pod> pods = new ArrayList<>();
        KubernetesClient c = podSource;
        try {
            if (c != null) {
                pods.addAll(c.pods().inNamespace(NS).withLabel(RunLabels.BENCHMARK, BENCHMARK).list().getItems());
            }
            pods.addAll(localReplicas());
        } catch (RuntimeException | IOException e) {
            return "";
        }
        for (String metric : List.of("DCGM_FI_DEV_GPU_UTIL", "DCGM_FI_DEV_FB_USED", "DCGM_FI_DEV_POWER_USAGE",
                "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION")) {
            out.append("# TYPE ").append(metric).append(metric.endsWith("CONSUMPTION") ? " counter\n" : " gauge\n");
            for (Pod pod : pods) {
                String name = pod.getMetadata().getName();
                long seen = FIRST_SEEN.computeIfAbsent(name, n -> now);
                String node = pod.getSpec().getNodeName() == null ? "" : pod.getSpec().getNodeName();
                double value = switch (metric) {
                    case "DCGM_FI_DEV_GPU_UTIL" -> UTIL_PCT;
                    case "DCGM_FI_DEV_FB_USED" -> name.contains("worker") ? MEM_WORKER_MIB : MEM_MIB;
                    case "DCGM_FI_DEV_POWER_USAGE" -> POWER_W;
                    default -> 1_000_000_000L + (now - seen >= 2500 ? ENERGY_STEP_MJ : 0);
                };
                out.append(metric).append("{gpu=\"0\",UUID=\"GPU-").append(name).append("\",Hostname=\"")
                        .append(node).append("\",pod=\"").append(name).append("\",namespace=\"")
                        .append(pod.getMetadata().getNamespace() == null ? NS : pod.getMetadata().getNamespace())
                        .append("\"} ").append((long) value).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * The replicas of local runs under {@link #localResults}, as pods on node {@code local} in namespace
     * {@code default} (what a local trial's rendered manifest says), from their events.
     */
    static List<Pod> localReplicas() throws IOException {
        Path root = localResults;
        List<Pod> out = new ArrayList<>();
        if (root == null || !Files.isDirectory(root)) {
            return out;
        }
        try (var files = Files.walk(root)) {
            for (Path events : files.filter(f -> f.getFileName().toString().equals("events.jsonl"))
                    .collect(Collectors.toList())) {
                for (TimelineEvent e : RunDirectory.readEvents(events)) {
                    if (e.is(EventKind.POD_STARTED)) {
                        out.add(new PodBuilder().withNewMetadata()
                                .withName(e.pod()).withNamespace("default").endMetadata().withNewSpec().withNodeName("local").endSpec()
                                .build());
                    }
                }
            }
        }
        return out;
    }

    @BeforeEach
    void setUp() throws IOException {
        MockCluster.prepare(server, client, NS, "kubeflow.org/kubeflow.org_pytorchjobs.yaml");
        kubeconfig = MockCluster.kubeconfig(tmp.resolve("kubeconfig"), client.getConfiguration().getMasterUrl(),
                "default");
        simulator = new OperatorSimulator(server, client, NS, MockCluster.mllog());
        podSource = client;
    }

    @AfterEach
    void tearDown() {
        podSource = null;
        simulator.close();
    }

    @Test
    void aRunRecordsTheServedGpuTelemetryScrapedLive() throws Exception {
        JobType type = JobType.of(JobKind.PYTORCH_JOB, null);
        CompletableFuture<Void> operator = operate(type, 6000);
        CliRun run = run(spec("url: " + prometheus.url()));
        assertEquals(0, run.exitCode(), run.out() + run.err());
        operator.get(30, TimeUnit.SECONDS);
        RunDirectory dir = onlyRun();
        RunResult r = dir.readResult(0);
        assertEquals(TelemetryStatus.AVAILABLE, r.telemetry().status(), r.telemetry().toString());
        assertEquals(UTIL_PCT, r.metric(MetricNames.GPU_UTIL_MEAN_PCT), UTIL_PCT / 100, r.metrics().toString());
        assertEquals(MEM_WORKER_MIB, r.metric(MetricNames.GPU_MEM_USED_PEAK_MIB), MEM_WORKER_MIB / 100);
        assertEquals(POWER_W, r.metric(MetricNames.GPU_POWER_MEAN_W), POWER_W / 100);
        double energy = 2 * ENERGY_STEP_MJ / 1000.0;
        assertEquals(energy, r.metric(MetricNames.GPU_ENERGY_J), energy / 100, r.metrics().toString());
        assertEquals(2.0, r.metric(MetricNames.GPU_COUNT_SEEN));
        double samples = r.metric(MetricNames.THROUGHPUT_SAMPLES_PER_S) * measuredSeconds(dir.readEvents(0));
        assertEquals(energy / samples, r.metric(MetricNames.ENERGY_PER_SAMPLE_J),
                energy / samples / 100, r.metrics().toString());
        List<String> csv = Files.readAllLines(dir.trialDir(0).resolve("telemetry.csv"));
        assertEquals("timestamp_ms,node,pod,gpu,gpu_util_pct,gpu_mem_used_mib,gpu_power_w", csv.get(0));
        assertTrue(csv.size() > 4, csv.toString());
        assertTrue(csv.get(1).matches("\\d+,gpu-node-\\d,k8s-resnet-[0-9a-f]{6}-0-(master|worker)-0,GPU-.*,87,"
                + "[34]0000,350"), csv.get(1));
        assertTrue(Files.readString(dir.events(0)).contains("\"detail\":\"node gpu-node-"),
                "pod_scheduled records the node");
        assertTrue(!run.err().contains("telemetry"), run.err());
    }

    @Test
    void aLocalRunCollectsTelemetryForItsReplicasFromTheLocalTimeline() throws Exception {
        Path results = tmp.resolve("local-results");
        localResults = results;
        try {
            Path spec = tmp.resolve("local.yaml");
            Files.writeString(spec, String.join("\n", "apiVersion: kubebench.dev/v1alpha1", "kind: Benchmark",
                    "metadata: {name: local-gpu}", "spec:",
                    "  workload: {name: local-gpu, metric: throughput_samples_per_s, direction: higher}",
                    "  job: {kind: Job, image: busybox, command: [sh, -c, 'sleep 7'], replicas: {Worker: 1}}",
                    "  timeout: 1m",
                    "  collect: [{prometheus: {url: '" + prometheus.url() + "', step: 1s}}]", ""));
            CliRun run = CliRun.of("run", spec.toString(), "--local", "--no-report", "--results-dir",
                    results.toString());
            assertEquals(0, run.exitCode(), run.out() + run.err());
            RunDirectory dir;
            try (var runs = Files.list(results.resolve("local-gpu"))) {
                dir = RunDirectory.of(runs.filter(Files::isDirectory).findFirst().orElseThrow());
            }
            RunResult r = dir.readResult(0);
            assertEquals(TelemetryStatus.AVAILABLE, r.telemetry().status(), r.telemetry().toString());
            assertEquals(UTIL_PCT, r.metric(MetricNames.GPU_UTIL_MEAN_PCT), UTIL_PCT / 100, r.metrics().toString());
            assertEquals(MEM_MIB, r.metric(MetricNames.GPU_MEM_USED_PEAK_MIB), MEM_MIB / 100);
            assertEquals(ENERGY_STEP_MJ / 1000.0, r.metric(MetricNames.GPU_ENERGY_J), ENERGY_STEP_MJ / 1000.0 / 100);
            assertEquals(1.0, r.metric(MetricNames.GPU_COUNT_SEEN));
        } finally {
            localResults = null;
        }
    }

    @Test
    void anUnreachablePrometheusLeavesExitZeroAndOneWarningLine() throws Exception {
        JobType type = JobType.of(JobKind.PYTORCH_JOB, null);
        CompletableFuture<Void> operator = operate(type, 200);
        String url = "http://127.0.0.1:" + closedPort();
        CliRun run = run(spec("url: " + url));
        assertEquals(0, run.exitCode(), run.out() + run.err());
        operator.get(30, TimeUnit.SECONDS);
        List<String> warnings = run.err().lines().filter(l -> l.contains("telemetry")).collect(Collectors.toList());
        assertEquals(1, warnings.size(), run.err());
        assertTrue(warnings.get(0).startsWith("warning: telemetry unavailable (trial 0): cannot reach Prometheus at "
                + url), warnings.get(0));
        RunResult r = onlyRun().readResult(0);
        assertEquals(TrialState.SUCCEEDED, r.status());
        assertEquals(TelemetryStatus.UNAVAILABLE, r.telemetry().status());
        assertTrue(r.telemetry().reason().startsWith("cannot reach Prometheus"), r.telemetry().reason());
        assertTrue(r.metric(MetricNames.THROUGHPUT_SAMPLES_PER_S) > 0, "the trial keeps its other results");
    }

    @Test
    void telemetryCommandFillsAnExistingRunFromBackfilledSeries() throws IOException {
        RunDirectory dir = oldRun();
        CliRun unreachable = CliRun.of("telemetry", dir.path().toString(), "--prometheus",
                "http://127.0.0.1:" + closedPort());
        assertEquals(ExitCodes.INFRASTRUCTURE, unreachable.exitCode(), unreachable.out() + unreachable.err());
        assertEquals(null, dir.readResult(0).telemetry(), "a failed recollection leaves result.json as it was");

        CliRun run = CliRun.of("telemetry", dir.path().toString(), "--prometheus", prometheus.url());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        RunResult r = dir.readResult(0);
        assertEquals(TelemetryStatus.AVAILABLE, r.telemetry().status(), r.telemetry().toString());
        assertEquals(87.0, r.metric(MetricNames.GPU_UTIL_MEAN_PCT));
        assertEquals(30000.0, r.metric(MetricNames.GPU_MEM_USED_PEAK_MIB));
        assertEquals(350.0, r.metric(MetricNames.GPU_POWER_MEAN_W));
        assertEquals(420_000.0, r.metric(MetricNames.GPU_ENERGY_J));
        assertEquals(420_000.0 / (2000.0 * 600), r.metric(MetricNames.ENERGY_PER_SAMPLE_J), 1e-12);
        assertTrue(Files.size(dir.reportHtml()) > 0, "the reports are regenerated");
        assertTrue(Files.isRegularFile(dir.trialDir(0).resolve("telemetry.csv")));
        String html = Files.readString(dir.reportHtml());
        assertTrue(html.contains("chart-gpu-util-0") && html.contains("GPU utilization, trial 0"),
                "report.html shows trial 0's GPU utilization chart from the Prometheus series");

        CliRun notARun = CliRun.of("telemetry", tmp.resolve("nowhere").toString(), "--prometheus", prometheus.url());
        assertEquals(ExitCodes.USAGE, notARun.exitCode());
        assertEquals(1, notARun.err().lines().count(), notARun.err());
        assertTrue(notARun.err().contains("not a run directory (no trials/)"), notARun.err());
        CliRun badUrl = CliRun.of("telemetry", dir.path().toString(), "--prometheus", "prometheus:9090");
        assertEquals(ExitCodes.USAGE, badUrl.exitCode());
        assertTrue(badUrl.err().contains("--prometheus: expected an http:// or https:// URL"), badUrl.err());
        CliRun badProfile = CliRun.of("telemetry", dir.path().toString(), "--prometheus", prometheus.url(),
                "--profile", "dcmg");
        assertEquals(ExitCodes.USAGE, badProfile.exitCode());
        assertTrue(badProfile.err().contains("unknown profile 'dcmg'; did you mean 'dcgm'?"), badProfile.err());
    }

    /** A finished run directory whose pods have backfilled series: as if Prometheus had been down during the run. */
    private RunDirectory oldRun() throws IOException {
        RunDirectory dir = RunDirectory.of(Files.createDirectories(tmp.resolve("results/old-run/20261130-095900-abc123")));
        dir.createTrial(0);
        Files.writeString(dir.manifest(0), "apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata:\n"
                + "  name: old-run-abc123-0\n  namespace: " + NS + "\n");
        Files.writeString(dir.events(0), String.join("\n",
                event(T0.minusSeconds(20), EventKind.SUBMITTED, null, null),
                event(T0, EventKind.POD_STARTED, OLD_MASTER, null),
                event(T0.plusSeconds(1), EventKind.POD_STARTED, OLD_WORKER, null),
                event(T0.plusSeconds(600), EventKind.FINISHED, null, "succeeded")) + "\n");
        dir.writeResult(new RunResult(RunResult.SCHEMA_VERSION,
                new RunResult.Identity("old-run", dir.runId(), 0, Map.of(), 0, "custom"),
                new RunResult.Outcome(MeasurementKind.THROUGHPUT, TrialState.SUCCEEDED, null, null,
                        T0.minusSeconds(20), T0.plusSeconds(600)),
                new RunResult.Measurements(Map.of(MetricNames.THROUGHPUT_SAMPLES_PER_S, 2000.0), List.of(),
                        List.of(), null), Map.of(), List.of()));

        return dir;
    }

    /** An error path (a 503), so a stand-in serves it: what Prometheus answers reaches the terminal escaped. */
    @Test
    void prometheusErrorTextReachesTheTerminalEscaped() throws IOException {
        RunDirectory dir = oldRun();
        HttpServer busy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        busy.createContext("/", exchange -> {
            byte[] body = "overloaded \u001b]0;pwned\u0007\u001b[2J".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        busy.start();
        try {
            CliRun run = CliRun.of("telemetry", dir.path().toString(), "--prometheus",
                    "http://127.0.0.1:" + busy.getAddress().getPort());
            assertEquals(ExitCodes.INFRASTRUCTURE, run.exitCode(), run.out() + run.err());
            String shown = run.out() + run.err();
            assertEquals(-1, shown.indexOf('\u001b'), "raw ESC on the terminal: " + shown);
            assertEquals(-1, shown.indexOf('\u0007'), "raw BEL on the terminal: " + shown);
            assertTrue(shown.contains("\\e]0;pwned\\x07"), shown);
        } finally {
            busy.stop(0);
        }
    }

    @Test
    void telemetryCommandReachesAPrometheusServiceThroughTheApiServerProxyWithTheKubeconfigCredentials()
            throws IOException {
        RunDirectory dir = oldRun();
        List<String> authorizations = new CopyOnWriteArrayList<>();
        String prefix = "/api/v1/namespaces/monitoring/services/prometheus-k8s:9090/proxy";
        // stands in for the API server's service proxy only: it forwards to the real Prometheus
        HttpServer apiServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        apiServer.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            int status = 404;
            byte[] body = "{\"kind\":\"Status\",\"code\":404}".getBytes(StandardCharsets.UTF_8);
            if (path.startsWith(prefix + "/")) {
                try {
                    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(
                            HttpRequest.newBuilder(URI.create(prometheus.url()
                                    + path.substring(prefix.length()) + (query == null ? "" : "?" + query))).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    status = r.statusCode();
                    body = r.body();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        apiServer.start();
        try {
            Path config = tmp.resolve("proxy-kubeconfig");
            Files.writeString(config, String.join("\n", "apiVersion: v1", "kind: Config", "clusters:",
                    "- name: c", "  cluster: {server: \"http://127.0.0.1:" + apiServer.getAddress().getPort() + "\"}",
                    "users:", "- name: u", "  user: {token: proxy-test-token}", "contexts:",
                    "- name: c", "  context: {cluster: c, user: u, namespace: default}", "current-context: c", ""));
            CliRun run = CliRun.of("telemetry", dir.path().toString(), "--service", "monitoring/prometheus-k8s:9090",
                    "--kubeconfig", config.toString());
            assertEquals(0, run.exitCode(), run.out() + run.err());
            RunResult r = dir.readResult(0);
            assertEquals(87.0, r.metric(MetricNames.GPU_UTIL_MEAN_PCT));
            assertEquals(420_000.0, r.metric(MetricNames.GPU_ENERGY_J));
            assertTrue(r.telemetry().source().startsWith("service monitoring/prometheus-k8s:9090 via http://127.0.0.1:"),
                    r.telemetry().source());
            assertEquals(7, authorizations.size(), "one request per dcgm query");
            assertTrue(authorizations.stream().allMatch("Bearer proxy-test-token"::equals), authorizations.toString());
        } finally {
            apiServer.stop(0);
        }
    }

    private static String event(Instant t, EventKind kind, String pod, String detail) {
        return "{\"time\":\"" + t + "\",\"event\":\"" + kind.jsonName() + "\""
                + (pod == null ? "" : ",\"pod\":\"" + pod + "\"")
                + (detail == null ? "" : ",\"detail\":\"" + detail + "\"") + "}";
    }

    /** What docs/telemetry.md says samples are counted over: run_start → run_stop, else the window. */
    private static double measuredSeconds(List<TimelineEvent> events) {
        Instant start = null;
        Instant end = null;
        Instant runStart = null;
        Instant runStop = null;
        for (TimelineEvent e : events) {
            if (e.is(EventKind.POD_STARTED) && (start == null || e.time().isBefore(start))) {
                start = e.time();
            } else if (e.is(EventKind.FINISHED)) {
                end = e.time();
            } else if (e.is(EventKind.RUN_START) && runStart == null) {
                runStart = e.time();
            } else if (e.is(EventKind.RUN_STOP)) {
                runStop = e.time();
            }
        }
        Duration d = runStart != null && runStop != null && runStop.isAfter(runStart)
                ? Duration.between(runStart, runStop) : Duration.between(start, end);
        return d.toMillis() / 1000.0;
    }

    private Path spec(String source) throws IOException {
        Path original = Path.of(System.getProperty("kubebench.root"), "kubebench-cli/src/test/resources/k8s/resnet.yaml");
        String text = Files.readString(original).replace("collect: [{mllog: {}}]",
                "collect: [{mllog: {}}, {prometheus: {" + source + ", step: 1s}}]");
        Path f = tmp.resolve("resnet-telemetry.yaml");
        Files.writeString(f, text);
        return f;
    }

    private CliRun run(Path spec) {
        return CliRun.of("run", spec.toString(), "--kubeconfig", kubeconfig.toString(), "-n", NS, "--results-dir",
                tmp.resolve("results").toString(), "--no-report");
    }

    private CompletableFuture<Void> operate(JobType type, long runningMillis) {
        return simulator.simulateLabelled(type, RunLabels.BENCHMARK, BENCHMARK, OperatorSimulator.Behavior.SUCCEED,
                runningMillis);
    }

    private RunDirectory onlyRun() throws IOException {
        Path bench = tmp.resolve("results").resolve(BENCHMARK);
        try (var runs = Files.list(bench)) {
            List<Path> dirs = runs.filter(Files::isDirectory).collect(Collectors.toList());
            assertEquals(1, dirs.size(), dirs.toString());
            return RunDirectory.of(dirs.get(0));
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

}
