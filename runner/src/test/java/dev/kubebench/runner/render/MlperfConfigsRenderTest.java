package dev.kubebench.runner.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.catalog.load.SpecLoader;
import dev.kubebench.catalog.plan.BenchmarkPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every file in mlperf-configs loads and validates (with every profile it declares), renders for every trial, and
 * every rendered object (of the first repetition of every sweep point) passes its CRD schema. Together the files must cover every job kind kubebench renders.
 */
class MlperfConfigsRenderTest {
    private static final Path CONFIGS = Path.of(System.getProperty("kubebench.root"), "mlperf-configs");

    static Stream<Path> configs() throws IOException {
        try (Stream<Path> files = Files.walk(CONFIGS)) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            return list.stream();
        }
    }

    @Test
    void theConfigSetIsComplete() throws IOException {
        List<String> names = configs().map(p -> CONFIGS.relativize(p).toString()).toList();
        assertTrue(names.contains("mlperf-resnet.yaml"), names.toString());
        assertTrue(names.stream().filter(n -> n.startsWith("mlperf-")).count() >= 6, names.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void loadsValidatesRendersAndPassesTheCrdSchemas(Path config) throws IOException {
        SpecLoader loader = new SpecLoader();
        assertEquals(List.of(), loader.validate(config, null, List.of()), config.toString());
        List<String> profiles = new ArrayList<>();
        profiles.add(null);
        profiles.addAll(profileNames(config));
        ManifestRenderer renderer = new ManifestRenderer();
        for (String profile : profiles) {
            BenchmarkPlan plan = loader.load(config, profile, List.of());
            assertFalse(plan.trials().isEmpty());
            for (RenderedTrial trial : renderer.renderAll(plan, "render-000000", "default")) {
                if (trial.trial().repetition() > 0) {
                    // Repetitions of a point differ only in the trial label and names; schema-check one of each.
                    continue;
                }
                for (Map<String, Object> object : trial.objects()) {
                    assertEquals(List.of(), CrdSchemas.validate(object),
                            config + " profile " + profile + " trial " + trial.trial().index() + " " + object.get("kind"));
                }
            }
        }
    }

    @Test
    void everyJobKindIsRenderedBySomeConfig() throws IOException {
        Set<String> kinds = new TreeSet<>();
        SpecLoader loader = new SpecLoader();
        for (Path config : configs().toList()) {
            Map<String, Object> job = new ManifestRenderer().render(loader.load(config, null, List.of()).trials().get(0),
                    "render-000000", "default").job();
            kinds.add(job.get("apiVersion") + " " + job.get("kind"));
        }
        assertEquals(new TreeSet<>(List.of("batch/v1 Job", "kubeflow.org/v1 JAXJob", "kubeflow.org/v1 MPIJob",
                "kubeflow.org/v1 PaddleJob", "kubeflow.org/v1 PyTorchJob", "kubeflow.org/v1 TFJob",
                "kubeflow.org/v1 XGBoostJob", "kubeflow.org/v2beta1 MPIJob", "trainer.kubeflow.org/v1alpha1 TrainJob")),
                kinds);
    }

    private static List<String> profileNames(Path config) throws IOException {
        JsonNode profiles = YAMLMapper.builder().build().readTree(Files.readString(config)).at("/spec/profiles");
        List<String> names = new ArrayList<>();
        profiles.propertyNames().forEach(names::add);
        return names;
    }
}
