package dev.kubebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.collector.result.RunResult;
import dev.kubebench.collector.store.RunDirectory;
import dev.kubebench.core.trial.TrialState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets given as a literal env value, a local.env value, a {@code --set} parameter and a {@code secretKeyRef} read
 * from {@code --secret-env-file} reach the workload, which prints them into its logs and its failure reason, and
 * appear in no file kubebench writes (only in the workload's own logs) and nowhere on stdout or stderr.
 */
class SecretsRunCommandTest {
    static final String LITERAL = "hf_LiteralTokenAbc123";
    static final String LOCAL = "aws_LocalSecretDef456";
    static final String PARAMETER = "hf_ParamTokenGhi789";
    static final String FROM_FILE = "wandb_SecretFromFileJkl012";
    static final List<String> SECRETS = List.of(LITERAL, LOCAL, PARAMETER, FROM_FILE);

    @TempDir
    Path tmp;

    private Path spec;
    private Path secretFile;
    private Path results;

    @BeforeEach
    void setUp() throws IOException {
        spec = writeSpec(tmp);
        secretFile = writeSecretFile(tmp);
        results = tmp.resolve("results");
    }

    /** The spec {@code leaky.yaml}: a Job whose replica prints every secret to its log and its failure reason. */
    static Path writeSpec(Path dir) throws IOException {
        Path spec = dir.resolve("leaky.yaml");
        Files.writeString(spec, String.join("\n",
                "apiVersion: kubebench.dev/v1alpha1",
                "kind: Benchmark",
                "metadata: {name: leaky}",
                "spec:",
                "  workload: {name: leaky, metric: throughput_samples_per_s, direction: higher}",
                "  job:",
                "    kind: Job",
                "    image: busybox",
                "    command: [sh, -c, 'echo \"token=$HF_TOKEN aws=$AWS_SECRET_ACCESS_KEY key=$WANDB_API_KEY"
                        + " param={{ .token }}\"; echo \"auth failed: $HF_TOKEN $AWS_SECRET_ACCESS_KEY $WANDB_API_KEY"
                        + " {{ .token }}\" >&2; exit 3']",
                "    env:",
                "      HF_TOKEN: " + LITERAL,
                "      WANDB_API_KEY: {valueFrom: {secretKeyRef: {name: wandb, key: api-key}}}",
                "      NCCL_DEBUG: WARN",
                "    replicas: {Worker: 1}",
                "  local:",
                "    env: {AWS_SECRET_ACCESS_KEY: " + LOCAL + "}",
                "  parameters: {token: placeholder}",
                "  timeout: 1m",
                ""));
        return spec;
    }

    /** The {@code --secret-env-file} holding the value of the spec's secretKeyRef. */
    static Path writeSecretFile(Path dir) throws IOException {
        Path file = dir.resolve("secrets.env");
        Files.writeString(file, "# for --local runs\nWANDB_API_KEY=" + FROM_FILE + "\n");
        return file;
    }

    @Test
    void noSecretInAnyFileOfTheRunOrOnTheTerminalButTheWorkloadsLogs() throws IOException {
        CliRun run = CliRun.of("run", spec.toString(), "--local", "--secret-env-file", secretFile.toString(),
                "--set", "parameters.token=" + PARAMETER, "--results-dir", results.toString());
        assertEquals(ExitCodes.WORKLOAD_FAILED, run.exitCode(), run.out() + run.err());
        assertNoSecret("stdout", run.out());
        assertNoSecret("stderr", run.err());

        RunDirectory dir = onlyRun();
        RunResult r = dir.readResult(0);
        assertEquals(TrialState.FAILED, r.status());
        assertTrue(r.failureReason().contains("auth failed: *** *** *** ***"), r.failureReason());
        assertTrue(run.out().contains("auth failed: ***"), "the failure reason is printed, masked: " + run.out());

        List<Path> logs = new ArrayList<>();
        List<Path> written = new ArrayList<>();
        try (Stream<Path> all = Files.walk(results)) {
            for (Path f : all.filter(Files::isRegularFile).collect(Collectors.toList())) {
                (f.getParent().getFileName().toString().equals("logs") ? logs : written).add(f);
            }
        }
        assertEquals(1, logs.size(), logs.toString());
        String log = Files.readString(logs.get(0));
        for (String secret : SECRETS) {
            assertTrue(log.contains(secret), "the workload got and printed " + secret + ": " + log);
        }
        List<String> names = written.stream().map(f -> results.relativize(f).toString()).collect(Collectors.toList());
        for (String f : List.of("benchmark.yaml", "trials/0/manifest.yaml", "trials/0/events.jsonl",
                "trials/0/result.json", "summary.json", "results.csv", "report.html", "summary.md", "junit.xml")) {
            assertTrue(names.stream().anyMatch(n -> n.endsWith(f)), f + " not written: " + names);
        }
        assertTrue(names.contains("leaky/index.json"), names.toString());
        for (Path f : written) {
            assertNoSecret(results.relativize(f).toString(),
                    new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
        }
        String yaml = Files.readString(dir.benchmarkYaml());
        assertTrue(yaml.contains("secretKeyRef"), "the reference is recorded as written: " + yaml);
        String manifest = Files.readString(dir.manifest(0));
        assertTrue(manifest.contains("secretKeyRef"), manifest);
        assertTrue(manifest.contains("HF_TOKEN") && manifest.contains("NCCL_DEBUG"), manifest);
    }

    @Test
    void reportRegeneratedFromTheRunDirectoryHasNoSecretEither() throws IOException {
        CliRun run = CliRun.of("run", spec.toString(), "--local", "--secret-env-file", secretFile.toString(),
                "--set", "parameters.token=" + PARAMETER, "--results-dir", results.toString(), "--no-report");
        assertEquals(ExitCodes.WORKLOAD_FAILED, run.exitCode(), run.out() + run.err());
        RunDirectory dir = onlyRun();
        CliRun report = CliRun.of("report", dir.path().toString());
        assertEquals(0, report.exitCode(), report.out() + report.err());
        assertNoSecret("report stdout", report.out() + report.err());
        assertNoSecret("report.html", Files.readString(dir.reportHtml()));
    }

    @Test
    void aMissingSecretIsBadInputNamingTheVariableBeforeAnythingRuns() throws IOException {
        Path other = tmp.resolve("other.env");
        Files.writeString(other, "SOMETHING_ELSE=" + FROM_FILE + "\n");
        CliRun run = CliRun.of("run", spec.toString(), "--local", "--secret-env-file", other.toString(),
                "--set", "parameters.token=" + PARAMETER, "--results-dir", results.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("error: job.env.WANDB_API_KEY: secretKeyRef needs WANDB_API_KEY in"
                + " --secret-env-file or in kubebench's environment"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertNoSecret("output", run.out() + run.err());
        assertFalse(Files.exists(results.resolve("leaky")), "nothing ran");
    }

    @Test
    void secretEnvFileIsForLocalRunsOnly() {
        CliRun run = CliRun.of("run", spec.toString(), "--secret-env-file", secretFile.toString(),
                "--results-dir", results.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("--secret-env-file applies to --local runs only"), run.err());
    }

    @Test
    void renderAndValidateShowNoLiteralSecret() {
        CliRun render = CliRun.of("render", spec.toString(), "--set", "parameters.token=" + PARAMETER);
        assertEquals(0, render.exitCode(), render.out() + render.err());
        assertNoSecret("render", render.out() + render.err());
        assertTrue(render.out().contains("secretKeyRef:"), render.out());
        assertTrue(render.out().contains("name: \"HF_TOKEN\"") || render.out().contains("name: HF_TOKEN"),
                render.out());
        CliRun json = CliRun.of("render", spec.toString(), "-o", "json", "--set", "parameters.token=" + PARAMETER);
        assertEquals(0, json.exitCode(), json.out() + json.err());
        assertNoSecret("render -o json", json.out() + json.err());

        CliRun validate = CliRun.of("validate", spec.toString(), "--set", "parameters.token=" + PARAMETER);
        assertEquals(0, validate.exitCode(), validate.out() + validate.err());
        assertNoSecret("validate", validate.out() + validate.err());
    }

    @Test
    void aSecretGivenWithSetIsNotEchoedInSpecErrors() {
        // a value containing a template is a string, so this list is one string quoted back in the error
        for (String command : List.of("validate", "render", "run")) {
            CliRun run = CliRun.of(command, spec.toString(), "--set", "parameters.token=" + PARAMETER,
                    "--set", "job.args=[--token, '{{ .token }}']");
            assertEquals(ExitCodes.USAGE, run.exitCode(), command + ": " + run.out() + run.err());
            assertTrue(run.err().contains("spec.job.args: expected a list of strings, got a string '[--token, '***']'"),
                    command + ": " + run.err());
            assertNoSecret(command, run.out() + run.err());
        }
    }

    private static void assertNoSecret(String where, String text) {
        for (String secret : SECRETS) {
            assertFalse(text.contains(secret), secret + " in " + where + ":\n" + text);
        }
    }

    private RunDirectory onlyRun() throws IOException {
        try (Stream<Path> runs = Files.list(results.resolve("leaky"))) {
            List<Path> dirs = runs.filter(Files::isDirectory).collect(Collectors.toList());
            assertEquals(1, dirs.size(), dirs.toString());
            return RunDirectory.of(dirs.get(0));
        }
    }
}
