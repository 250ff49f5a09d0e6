package dev.kubebench.collector.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kubebench.catalog.spec.CollectSpec;
import dev.kubebench.core.metric.MetricNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** profiles.json names exactly the metrics each profile promises (the spec's validation relies on that list). */
class TelemetryProfilesTest {
    @Test
    void eachProfileProducesTheMetricsItsSpecEnumNames() {
        for (CollectSpec.TelemetryProfile p : CollectSpec.TelemetryProfile.values()) {
            Set<String> names = new LinkedHashSet<>();
            TelemetryProfiles.queries(p).forEach(q -> names.addAll(q.reduce().keySet()));
            if (p == CollectSpec.TelemetryProfile.DCGM) {
                names.add(MetricNames.ENERGY_PER_SAMPLE_J); // derived by the recorder from gpu_energy_j
            }
            List<String> expected = new ArrayList<>(p.metrics());
            assertEquals(Set.copyOf(expected), names, p.yamlName());
        }
    }

    @Test
    void podNamesAreEscapedForPromqlRegexes() {
        assertEquals("a-0|b\\\\.c", QueryTemplate.alternation(List.of("a-0", "b.c")));
    }
}
