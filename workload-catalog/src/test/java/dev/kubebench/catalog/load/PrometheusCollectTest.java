package dev.kubebench.catalog.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.catalog.spec.CollectSpec;
import dev.kubebench.core.error.KubebenchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code prometheus} collector's fields: profile, service, step, auth, TLS and query templates. */
class PrometheusCollectTest {
    @TempDir
    Path tmp;

    private CollectSpec.Prometheus load(String collect) throws IOException {
        Path f = tmp.resolve("b.yaml");
        Files.writeString(f, """
                apiVersion: kubebench.dev/v1alpha1
                kind: Benchmark
                metadata: {name: tiny}
                spec:
                  workload: {name: tiny, metric: throughput_samples_per_s}
                  parameters: {ns: team-a}
                  job: {kind: Job, image: busybox}
                  collect:
                """ + collect);
        return (CollectSpec.Prometheus) new SpecLoader().load(f, null, List.of()).trials().get(0).benchmark().spec()
                .collect().get(0);
    }

    @Test
    void aProfileAloneIsEnoughAndDcgmIsTheDefault() throws IOException {
        CollectSpec.Prometheus p = load("    - prometheus: {url: 'http://prometheus.monitoring:9090'}\n");
        assertEquals(CollectSpec.TelemetryProfile.DCGM, p.profile());
        assertTrue(p.queries().isEmpty());
        assertNull(p.step());
        assertNull(p.service());
    }

    @Test
    void bindsServiceStepAuthTlsAndKeepsTelemetryVariablesForCollection() throws IOException {
        CollectSpec.Prometheus p = load("""
                    - prometheus:
                        service: monitoring/prometheus-k8s:web
                        profile: node
                        step: 5s
                        auth: {bearerTokenEnv: PROM_TOKEN}
                        tls: {caFile: /etc/ca.pem}
                        queries:
                          nccl_bytes: 'sum(rate(x{namespace="{{ .namespace }}",pod=~"{{.podRegex}}",team="{{ .ns }}"}[1m]))'
                """);
        assertEquals(new CollectSpec.Service("monitoring", "prometheus-k8s", "web"), p.service());
        assertEquals(CollectSpec.TelemetryProfile.NODE, p.profile());
        assertEquals(Duration.ofSeconds(5), p.step());
        assertEquals("PROM_TOKEN", p.auth().bearerTokenEnv());
        assertEquals("/etc/ca.pem", p.tls().caFile());
        // the parameter is substituted at load time, the telemetry variables per trial when collecting
        assertEquals("sum(rate(x{namespace=\"{{ .namespace }}\",pod=~\"{{.podRegex}}\",team=\"team-a\"}[1m]))",
                p.queries().get("nccl_bytes"));
    }

    @Test
    void profileNoneNeedsAQueryAndUrlAndServiceExcludeEachOther() {
        KubebenchException none = assertThrows(KubebenchException.class,
                () -> load("    - prometheus: {url: 'http://p:9090', profile: none}\n"));
        assertTrue(none.getMessage().contains("profile none needs at least one named PromQL query"),
                none.getMessage());
        KubebenchException both = assertThrows(KubebenchException.class,
                () -> load("    - prometheus: {url: 'http://p:9090', service: 'monitoring/p:9090'}\n"));
        assertTrue(both.getMessage().contains("give exactly one of 'url' and 'service'"), both.getMessage());
        KubebenchException service = assertThrows(KubebenchException.class,
                () -> load("    - prometheus: {service: 'prometheus-k8s:9090'}\n"));
        assertTrue(service.getMessage().contains("expected namespace/name:port"), service.getMessage());
    }
}
