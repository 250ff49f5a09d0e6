package dev.kubebench.catalog.mlperf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.core.metric.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;

class MlperfCatalogTest {
    private final MlperfCatalog catalog = MlperfCatalog.standard();

    @Test
    void holdsEveryBenchmarkTheIssueNames() {
        for (String name : List.of("resnet", "bert", "ssd", "retinanet", "maskrcnn", "rnnt", "dlrm_dcnv2", "unet3d",
                "gpt3", "stable_diffusion", "llama2_70b_lora", "gnn", "rgat", "llama31_8b", "llama31_405b", "flux1")) {
            assertTrue(catalog.find(name).isPresent(), name);
            assertTrue(catalog.find("mlperf/" + name).isPresent(), name);
        }
    }

    @Test
    void runCountsAndDropsFollowTheSummarizer() {
        assertEquals(5, catalog.find("resnet").orElseThrow().requiredRuns());
        assertEquals(40, catalog.find("unet3d").orElseThrow().requiredRuns());
        assertEquals(4, catalog.find("unet3d").orElseThrow().olympicDrop());
        assertEquals(1, catalog.find("bert").orElseThrow().olympicDrop());
        assertEquals(3, catalog.find("gpt3").orElseThrow().requiredRuns());
    }

    @Test
    void targetsCarryDirectionAndSubmetrics() {
        MlperfBenchmark sd = catalog.find("stable_diffusion").orElseThrow();
        assertEquals(2, sd.targets().size());
        assertEquals("FID", sd.targets().get(0).submetric());
        assertEquals(Direction.LOWER, sd.targets().get(0).direction());
        assertEquals(Direction.HIGHER, sd.targets().get(1).direction());
        assertEquals(0.925, catalog.find("llama2_70b_lora").orElseThrow().targets().get(0).value());
        assertEquals(Direction.LOWER, catalog.find("rnnt").orElseThrow().targets().get(0).direction());
    }
}
