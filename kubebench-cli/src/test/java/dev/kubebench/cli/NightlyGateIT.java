package dev.kubebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/ci/nightly-gate.sh as CI runs it, against the real kubebench: the shaded jar this build packaged (hence an
 * integration test, run by failsafe after the package phase). Four nights in one results history, on the local
 * backend with a tiny shell workload: the first becomes the baseline, an equal one passes, a slower one is a
 * regression (exit 3) that is not promoted, and an unreachable cluster is an infrastructure failure (exit 4).
 */
class NightlyGateIT {
    private static final Path ROOT = Path.of(System.getProperty("kubebench.root"));
    private static final Path SPEC = ROOT.resolve("kubebench-cli/src/test/resources/ci/gate.yaml");
    private static final String METRIC = "throughput_samples_per_s";
    private static final String LOCAL = "--local --no-report";

    @TempDir
    Path dir;

    @Test
    void passesRegressesAndFailsOnInfrastructureWithTheRealKubebench() throws Exception {
        Path kubebench = launcher();
        Path benchmarkDir = dir.resolve("results/gate");

        Night first = night(kubebench, LOCAL);
        assertEquals(0, first.exitCode(), first.output());
        assertTrue(first.output().contains("no baseline yet"), first.output());
        Path baseline = Files.readSymbolicLink(benchmarkDir.resolve("last-good"));

        Night same = night(kubebench, LOCAL);
        assertEquals(ExitCodes.OK, same.exitCode(), same.output());
        assertTrue(same.output().contains("0 regressions"), same.output());
        Path promoted = Files.readSymbolicLink(benchmarkDir.resolve("last-good"));
        assertTrue(!promoted.equals(baseline), "a passing night becomes the baseline");

        Night slower = night(kubebench, LOCAL + " --set parameters.ips=50");
        assertEquals(ExitCodes.GATE_FAILED, slower.exitCode(), slower.output());
        assertTrue(slower.output().contains("**regression**"), slower.output());
        assertEquals(promoted, Files.readSymbolicLink(benchmarkDir.resolve("last-good")),
                "a regressed night must not become the baseline");
        assertTrue(Files.readString(dir.resolve("artifacts/compare-junit.xml")).contains("<failure"));

        Night unreachable = night(kubebench, "--no-report --kubeconfig " + unreachableCluster());
        assertEquals(ExitCodes.INFRASTRUCTURE, unreachable.exitCode(), unreachable.output());
        assertTrue(unreachable.output().contains("cannot reach the Kubernetes API"), unreachable.output());
    }

    private record Night(int exitCode, String output) {
    }

    private Night night(Path kubebench, String runArgs) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", ROOT.resolve("scripts/ci/nightly-gate.sh").toString(),
                SPEC.toString(), METRIC).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("KUBEBENCH", kubebench.toString());
        env.put("KUBEBENCH_RESULTS", dir.resolve("results").toString());
        env.put("ARTIFACTS", dir.resolve("artifacts").toString());
        env.put("KUBEBENCH_RUN_ARGS", runArgs);
        env.remove("GITHUB_STEP_SUMMARY");
        Process gate = pb.start();
        gate.getOutputStream().close();
        String output = new String(gate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(gate.waitFor(3, TimeUnit.MINUTES), "nightly-gate.sh did not finish: " + output);
        return new Night(gate.exitValue(), output);
    }

    /** kubebench as an executable: the packaged shaded jar on this JVM. */
    private Path launcher() throws IOException {
        Path jar = ROOT.resolve("kubebench-cli/target/kubebench.jar");
        assertTrue(Files.isRegularFile(jar), jar + " is missing: run the package phase first");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path launcher = dir.resolve("kubebench");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + java + "' -jar '" + jar + "' \"$@\"\n");
        assertTrue(launcher.toFile().setExecutable(true));
        return launcher;
    }

    /** A kubeconfig whose API server is a port on this machine that nothing listens on (it was free a moment ago). */
    private Path unreachableCluster() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        return Files.writeString(dir.resolve("kubeconfig"), String.join("\n",
                "apiVersion: v1",
                "kind: Config",
                "clusters: [{name: gone, cluster: {server: \"https://127.0.0.1:" + port + "\"}}]",
                "users: [{name: nobody, user: {token: nothing}}]",
                "contexts: [{name: gone, context: {cluster: gone, user: nobody, namespace: default}}]",
                "current-context: gone", ""));
    }
}
