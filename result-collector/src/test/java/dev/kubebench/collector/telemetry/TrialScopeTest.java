package dev.kubebench.collector.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kubebench.collector.store.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trial's pods, nodes, namespace and window come from what the run recorded. */
class TrialScopeTest {
    @TempDir
    Path tmp;

    @Test
    void readsPodsNodesNamespaceAndWindowFromTheTrialDirectory() throws IOException {
        RunDirectory run = RunDirectory.of(Files.createDirectories(tmp.resolve("b/20261130-100000-abc123")));
        run.createTrial(0);
        // the files ConfigMap first, then the job: both namespaced
        Files.writeString(run.manifest(0), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: f, namespace: perf}\n"
                + "---\napiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata: {name: j, namespace: perf}\n");
        Instant t = Instant.parse("2026-11-30T10:00:00Z");
        Files.writeString(run.events(0), String.join("\n",
                PrometheusTelemetryTest.event(t, "submitted", null, null),
                PrometheusTelemetryTest.event(t.plusSeconds(1), "pod_scheduled", "j-worker-0", "node gpu-2"),
                PrometheusTelemetryTest.event(t.plusSeconds(1), "pod_scheduled", "j-master-0", "node gpu-1"),
                PrometheusTelemetryTest.event(t.plusSeconds(4), "pod_started", "j-worker-0", null),
                PrometheusTelemetryTest.event(t.plusSeconds(3), "pod_started", "j-master-0", null),
                PrometheusTelemetryTest.event(t.plusSeconds(10), "run_start", null, null),
                PrometheusTelemetryTest.event(t.plusSeconds(70), "run_stop", null, null),
                PrometheusTelemetryTest.event(t.plusSeconds(80), "finished", null, "succeeded")) + "\n");
        TrialScope s = TrialScope.read(run, 0, t, t.plusSeconds(90));
        assertEquals("perf", s.namespace());
        assertEquals(List.of("j-worker-0", "j-master-0"), s.pods());
        assertEquals(List.of("gpu-2", "gpu-1"), s.nodes());
        assertEquals(t.plusSeconds(3), s.start());
        assertEquals(t.plusSeconds(80), s.end());
        assertEquals(Duration.ofSeconds(60), s.measured());
        assertEquals("j-worker-0|j-master-0", QueryTemplate.variables(s, Duration.ofSeconds(5)).get("podRegex"));
        assertEquals("77s", QueryTemplate.variables(s, Duration.ofSeconds(5)).get("window"));
    }

    @Test
    void withoutAManifestTheNamespaceIsDefaultAndWithoutEventsTheResultTimesAreTheWindow() throws IOException {
        RunDirectory run = RunDirectory.of(Files.createDirectories(tmp.resolve("b/20261130-100000-abc124")));
        run.createTrial(0);
        Instant t = Instant.parse("2026-11-30T10:00:00Z");
        TrialScope s = TrialScope.read(run, 0, t, t.plusSeconds(90));
        assertEquals("default", s.namespace());
        assertEquals(List.of(), s.pods());
        assertEquals(t, s.start());
        assertNull(s.measured());
    }
}
