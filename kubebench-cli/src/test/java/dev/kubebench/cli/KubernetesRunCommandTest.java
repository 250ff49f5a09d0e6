package dev.kubebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.catalog.spec.JobKind;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.core.trial.TrialState;
import dev.kubebench.collector.store.RunDirectory;
import dev.kubebench.runner.kubernetes.JobType;
import dev.kubebench.runner.kubernetes.KubernetesBackend;
import dev.kubebench.runner.kubernetes.OperatorSimulator.Behavior;
import dev.kubebench.runner.kubernetes.OperatorSimulator;
import dev.kubebench.runner.render.RunLabels;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.kubebench.runner.kubernetes.MockApiServerExtension;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code kubebench run} end to end on the Kubernetes backend: the real CLI path (spec loader, preflight, renderer,
 * KubernetesBackend, collector, reports) against the CRUD mock API server holding the real Kubeflow CRDs, with the
 * runner's operator simulator playing the operators and the kubelet, whose pods print a real MLPerf ResNet log.
 */
@ExtendWith(MockApiServerExtension.class)
class KubernetesRunCommandTest {
    /** The namespace: the simulator serves pod logs under this one. */
    private static final String NS = "test";
    private static final String BENCHMARK = "k8s-resnet";

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path tmp;

    private OperatorSimulator simulator;
    private Path kubeconfig;

    @BeforeEach
    void setUp() throws IOException {
        MockCluster.prepare(server, client, NS, "kubeflow.org/kubeflow.org_pytorchjobs.yaml",
                "kubeflow.org/kubeflow.org_tfjobs.yaml", "kubeflow.org/kubeflow.org_xgboostjobs.yaml",
                "kubeflow.org/kubeflow.org_jaxjobs.yaml", "kubeflow.org/kubeflow.org_paddlejobs.yaml",
                "trainer.kubeflow.org/trainer.kubeflow.org_trainjobs.yaml");
        // Trainer installs this runtime; preflight checks that a TrainJob's runtime exists
        client.genericKubernetesResources(new io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext.Builder()
                .withGroup("trainer.kubeflow.org").withVersion("v1alpha1").withKind("ClusterTrainingRuntime")
                .withPlural("clustertrainingruntimes").withNamespaced(false).build())
                .resource(new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
                        .withApiVersion("trainer.kubeflow.org/v1alpha1").withKind("ClusterTrainingRuntime")
                        .withNewMetadata().withName("torch-distributed").endMetadata().build()).create();
        kubeconfig = MockCluster.kubeconfig(tmp.resolve("kubeconfig"),
                client.getConfiguration().getMasterUrl(), "default");
        simulator = new OperatorSimulator(server, client, NS, MockCluster.mllog());
    }

    @AfterEach
    void tearDown() {
        simulator.close();
    }

    /** Creates a real CRD from shared/crds (parsed once per JVM: the files are hundreds of KB). */
    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of("PyTorchJob", null, "{Master: 1, Worker: 1}", 2),
                Arguments.of("TFJob", null, "{Chief: 1, Worker: 1}", 2),
                Arguments.of("MPIJob", "kubeflow.org/v1", "{Launcher: 1, Worker: 2}", 3),
                Arguments.of("MPIJob", "kubeflow.org/v2beta1", "{Launcher: 1, Worker: 2}", 3),
                Arguments.of("XGBoostJob", null, "{Master: 1, Worker: 1}", 2),
                Arguments.of("JAXJob", null, "{Worker: 2}", 2),
                Arguments.of("PaddleJob", null, "{Master: 1, Worker: 1}", 2),
                Arguments.of("TrainJob", null, "{Node: 2}", 2),
                Arguments.of("Job", null, "{Worker: 2}", 2));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kinds")
    void everyKindRunsFromSubmitToResultAndLeavesNothingBehind(String kindName, String apiVersion, String replicas,
                                                               int pods) throws Exception {
        JobKind kind = kind(kindName);
        if (kind == JobKind.MPI_JOB) {
            // one CRD name, two operators: the training operator serves v1, the standalone MPI operator v2beta1
            MockCluster.installCrd(client, "kubeflow.org/v2beta1".equals(apiVersion)
                    ? "kubeflow.org/mpi-operator/kubeflow.org_mpijobs.yaml" : "kubeflow.org/kubeflow.org_mpijobs.yaml");
        }
        JobType type = JobType.of(kind, apiVersion);
        CompletableFuture<Void> operator = operate(type, Behavior.SUCCEED);
        List<String> args = new ArrayList<>(List.of("--set", "job.kind=" + kindName, "--set", "job.replicas=" + replicas));
        if (apiVersion != null) {
            args.addAll(List.of("--set", "job.apiVersion=" + apiVersion));
        }
        CliRun run = run(args);
        assertEquals(0, run.exitCode(), run.out() + run.err());
        operator.get(30, TimeUnit.SECONDS);

        RunDirectory dir = onlyRun();
        RunResult r = dir.readResult(0);
        assertEquals(TrialState.SUCCEEDED, r.status(), String.valueOf(r.failureReason()));
        // the log's run_start..run_stop and its last eval_accuracy, as MLPerf scores it
        assertTrue(r.metric("time_to_train_s") > 0, r.metrics().toString());
        assertTrue(r.metric("throughput_samples_per_s") > 0, r.metrics().toString());
        assertEquals(0.75934, r.metric("accuracy_final"), 1e-9, r.metrics().toString());
        // from the timeline the backend wrote: pods are scheduled after the job was submitted, and it ends later
        assertTrue(r.metrics().containsKey("scheduling_latency_p50_ms"), r.metrics().toString());
        assertTrue(r.metric("scheduling_latency_max_ms") >= 0, r.metrics().toString());
        assertTrue(r.metric("wall_time_s") >= 0.2, r.metrics().toString());
        for (String f : List.of("benchmark.yaml", "results.csv", "report.html", "summary.json",
                "trials/0/manifest.yaml", "trials/0/events.jsonl", "trials/0/result.json")) {
            assertTrue(Files.size(dir.path().resolve(f)) > 0, f);
        }
        String manifest = Files.readString(dir.manifest(0));
        assertTrue(java.util.regex.Pattern.compile("(?m)^kind: \"?" + kindName + "\"?$").matcher(manifest).find(),
                manifest);
        assertTrue(manifest.contains(dir.runId()), "the submitted objects carry the run id");
        String events = Files.readString(dir.events(0));
        for (String e : List.of("submitted", "pod_scheduled", "pod_started", "finished", "deleted")) {
            assertTrue(events.contains("\"" + e + "\""), e + " missing in " + events);
        }
        try (Stream<Path> logs = Files.list(dir.logsDir(0))) {
            List<Path> files = logs.filter(p -> p.toString().endsWith(".log")).collect(Collectors.toList());
            assertEquals(pods, files.size(), files.toString());
            for (Path log : files) {
                assertTrue(Files.readString(log).contains("\"key\": \"run_stop\""), log.toString());
            }
        }
        assertNothingLeft(type, dir.runId());
    }

    @Test
    void oomKilledReplicaExitsFiveWithTheReasonInTheResult() throws Exception {
        JobType type = JobType.of(JobKind.PYTORCH_JOB, null);
        CompletableFuture<Void> operator = operate(type, Behavior.OOM);
        CliRun run = run(List.of());
        assertEquals(ExitCodes.WORKLOAD_FAILED, run.exitCode(), run.out() + run.err());
        operator.get(30, TimeUnit.SECONDS);
        RunDirectory dir = onlyRun();
        RunResult r = dir.readResult(0);
        assertEquals(TrialState.FAILED, r.status());
        assertTrue(r.failureReason().contains("OOMKilled"), r.failureReason());
        assertTrue(Files.readString(dir.events(0)).contains("\"deleted\""));
        assertTrue(Files.size(dir.reportHtml()) > 0);
        assertNothingLeft(type, dir.runId());
    }

    @Test
    void unschedulablePodExitsFourAfterTheGrace() throws Exception {
        JobType type = JobType.of(JobKind.PYTORCH_JOB, null);
        CompletableFuture<Void> operator = operate(type, Behavior.UNSCHEDULABLE);
        CliRun run = run(List.of("--unschedulable-grace", "1s"));
        assertEquals(ExitCodes.INFRASTRUCTURE, run.exitCode(), run.out() + run.err());
        operator.get(30, TimeUnit.SECONDS);
        RunDirectory dir = onlyRun();
        RunResult r = dir.readResult(0);
        assertTrue(r.failureReason().contains("Insufficient nvidia.com/gpu"), r.failureReason());
        assertNothingLeft(type, dir.runId());
    }

    @Test
    void secretsReachTheServerAsSubmittedButNoFileOnDiskAndNoOutput() throws Exception {
        String literal = SecretsRunCommandTest.LITERAL;
        String parameter = SecretsRunCommandTest.PARAMETER;
        simulator.close();
        List<String> log = new ArrayList<>(MockCluster.mllog());
        log.add(":::MLLOG {\"key\": \"hf_token\", \"value\": \"" + literal + "\"");
        log.add("logged in with " + literal + " and " + parameter);
        simulator = new OperatorSimulator(server, client, NS, log);
        JobType type = JobType.of(JobKind.PYTORCH_JOB, null);
        CompletableFuture<GenericKubernetesResource> submitted = CompletableFuture.supplyAsync(() -> {
            for (int i = 0; i < 600; i++) {
                List<GenericKubernetesResource> jobs = client.genericKubernetesResources(type.context())
                        .inNamespace(NS).withLabel(RunLabels.BENCHMARK, BENCHMARK).list().getItems();
                if (!jobs.isEmpty()) {
                    return jobs.get(0);
                }
                try {
                    Thread.sleep(25);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            throw new IllegalStateException("kubebench run submitted no PyTorchJob");
        });
        CompletableFuture<Void> operator = submitted.thenCompose(job -> simulator.simulate(type,
                job.getMetadata().getName(), Behavior.SUCCEED, 200, false));
        Path spec = tmp.resolve("secrets.yaml");
        Files.writeString(spec, Files.readString(Path.of(resource("resnet.yaml")))
                .replace("    command: [python3, /workspace/resnet/train.py]\n", "    command: [python3, /workspace/resnet/train.py]\n"
                        + "    args: [--token, '{{ .token }}']\n"
                        + "    env:\n      HF_TOKEN: " + literal + "\n"
                        + "      WANDB_API_KEY: {valueFrom: {secretKeyRef: {name: wandb, key: api-key}}}\n")
                .replace("  repetitions: 1\n", "  repetitions: 1\n  parameters: {token: placeholder}\n"));
        CliRun run = CliRun.of("run", spec.toString(), "--kubeconfig", kubeconfig.toString(), "-n", NS,
                "--results-dir", tmp.resolve("results").toString(), "--set", "parameters.token=" + parameter);
        assertEquals(0, run.exitCode(), run.out() + run.err());
        operator.get(30, TimeUnit.SECONDS);
        for (String output : List.of(run.out(), run.err())) {
            assertTrue(!output.contains(literal) && !output.contains(parameter), output);
        }

        // what the cluster got: the real literal values, and the secret as a reference, never its value
        Object podSpec = submitted.get().getAdditionalProperties().get("spec");
        for (String key : List.of("pytorchReplicaSpecs", "Master", "template", "spec")) {
            podSpec = ((Map<?, ?>) podSpec).get(key);
        }
        io.fabric8.kubernetes.api.model.Container container = client.getKubernetesSerialization().convertValue(
                ((List<?>) ((Map<?, ?>) podSpec).get("containers")).get(0), io.fabric8.kubernetes.api.model.Container.class);
        assertEquals(List.of(new io.fabric8.kubernetes.api.model.EnvVarBuilder().withName("HF_TOKEN")
                        .withValue(literal).build(),
                new io.fabric8.kubernetes.api.model.EnvVarBuilder().withName("WANDB_API_KEY").withNewValueFrom()
                        .withNewSecretKeyRef("api-key", "wandb", null).endValueFrom().build()),
                container.getEnv(), "the applied manifest keeps literal values and the secret as a reference");
        assertEquals(List.of("--token", parameter), container.getArgs());

        Path results = tmp.resolve("results");
        List<Path> files;
        try (Stream<Path> all = Files.walk(results)) {
            files = all.filter(Files::isRegularFile).collect(Collectors.toList());
        }
        int logs = 0;
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
            if (f.getParent().getFileName().toString().equals("logs")) {
                logs++;
                assertTrue(text.contains(literal), "the workload's own log stays as written: " + f);
            } else {
                assertTrue(!text.contains(literal) && !text.contains(parameter), results.relativize(f) + ":\n" + text);
            }
        }
        assertEquals(2, logs, files.toString());
        String manifest = Files.readString(onlyRun().manifest(0));
        assertTrue(manifest.contains("secretKeyRef") && manifest.contains("HF_TOKEN"), manifest);
    }

    private CliRun run(List<String> extra) {
        List<String> args = new ArrayList<>(List.of("run", resource("resnet.yaml"), "--kubeconfig",
                kubeconfig.toString(), "-n", NS, "--results-dir", tmp.resolve("results").toString()));
        args.addAll(extra);
        return CliRun.of(args.toArray(String[]::new));
    }

    /**
     * Plays the operator for the one job the run submits; the run id is the CLI's, so the job is found by its
     * benchmark label rather than by name.
     */
    private CompletableFuture<Void> operate(JobType type, Behavior behavior) {
        return simulator.simulateLabelled(type, RunLabels.BENCHMARK, BENCHMARK, behavior, 200);
    }

    private void assertNothingLeft(JobType type, String runId) {
        List<HasMetadata> left = new ArrayList<>();
        left.addAll(client.genericKubernetesResources(type.context()).inNamespace(NS)
                .withLabel(RunLabels.RUN_ID, runId).list().getItems());
        left.addAll(client.pods().inNamespace(NS).withLabel(RunLabels.RUN_ID, runId).list().getItems());
        left.addAll(client.configMaps().inNamespace(NS).withLabel(RunLabels.RUN_ID, runId).list()
                .getItems());
        left.addAll(client.services().inNamespace(NS).withLabel(RunLabels.RUN_ID, runId).list()
                .getItems());
        assertEquals(List.of(), left.stream().map(o -> o.getKind() + "/" + o.getMetadata().getName())
                .collect(Collectors.toList()), "objects of run " + runId + " left on the server");
    }

    private static JobKind kind(String name) {
        for (JobKind k : JobKind.values()) {
            if (k.kindName().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private RunDirectory onlyRun() throws IOException {
        try (Stream<Path> runs = Files.list(tmp.resolve("results").resolve(BENCHMARK))) {
            List<Path> dirs = runs.filter(Files::isDirectory).collect(Collectors.toList());
            assertEquals(1, dirs.size(), dirs.toString());
            return RunDirectory.of(dirs.get(0));
        }
    }

    private static String resource(String name) {
        return Path.of(System.getProperty("kubebench.root"), "kubebench-cli/src/test/resources/k8s", name).toString();
    }
}
