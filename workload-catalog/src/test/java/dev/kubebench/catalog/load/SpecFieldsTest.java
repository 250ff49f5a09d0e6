package dev.kubebench.catalog.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.catalog.spec.CollectSpec;
import dev.kubebench.catalog.spec.Gate;
import dev.kubebench.catalog.spec.Resources;
import dev.kubebench.core.error.KubebenchException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SpecFieldsTest {

    @Test
    void fieldsAreTheRecordComponentsInDeclarationOrder() {
        assertEquals(List.of("apiVersion", "kind", "metadata", "spec"), SpecFields.ROOT);
        assertEquals(List.of("name", "claim", "mountPath", "readOnly"), SpecFields.DATA_VOLUME);
        assertEquals(List.of("kind", "apiVersion", "image", "command", "args", "env", "replicas", "resources", "files",
                "manifest", "restartPolicy", "runtime", "numProcPerNode", "slotsPerWorker"), SpecFields.JOB);
        assertEquals(List.of(), SpecFields.MLLOG);
    }

    @Test
    void yamlSpellingsAndYamlOnlyFieldsAreExplicit() {
        assertEquals(List.of("gpu", "cpu", "memory"), SpecFields.RESOURCES);
        assertEquals(List.of("metric", "direction", "maxRegression"), SpecFields.GATE);
        assertEquals("profiles", SpecFields.SPEC.get(SpecFields.SPEC.size() - 1));
        assertEquals(List.of("gpus", "cpu", "memory"), SpecFields.of(Resources.class));
        assertEquals(List.of("metric", "direction", "maxRegressionPercent"), SpecFields.of(Gate.class));
    }

    @Test
    void aRenameOfAMissingComponentIsAnError() {
        assertThrows(IllegalStateException.class,
                () -> SpecFields.of(Resources.class, Map.of("gpuCount", "gpu"), List.of()));
    }

    @Test
    void collectKindsNameEveryCollectSpecVariant() {
        Set<String> variants = Arrays.stream(CollectSpec.class.getPermittedSubclasses())
                .map(c -> c.getSimpleName().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        assertEquals(variants, Set.copyOf(SpecFields.COLLECT_KINDS));
    }

    @Test
    void unknownFieldsAreSuggestedInTheYamlSpelling() {
        KubebenchException e = assertThrows(KubebenchException.class, () -> new SpecLoader().load(
                SpecLoaderTest.spec("valid/resnet.yaml"), null,
                List.of("job.resources.gpus=1", "gates=[{metric: m, maxRegression: 5%, bogus: 1}]")));
        assertTrue(e.problems().stream().anyMatch(p -> p.endsWith("spec.job.resources.gpus: unknown field;"
                + " did you mean 'gpu'?")), e.problems().toString());
        assertTrue(e.problems().stream().anyMatch(p -> p.endsWith("spec.gates[0].bogus: unknown field"
                + " (expected one of: metric, direction, maxRegression)")), e.problems().toString());
    }
}
