package dev.kubebench.catalog.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmallPartsTest {
    @Test
    void suggestions() {
        assertEquals(Optional.of("timeout"), Suggestions.closest("timeoutt", List.of("repetitions", "timeout")));
        assertEquals(Optional.of("PyTorchJob"), Suggestions.closest("pytorchjob", List.of("TFJob", "PyTorchJob")));
        assertEquals(Optional.empty(), Suggestions.closest("banana", List.of("timeout", "job")));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
    }

    @Test
    void setPaths() {
        assertEquals(List.of("spec", "data", 0, "claim"), Overrides.parsePath("spec.data[0].claim"));
        assertEquals(List.of("nodePool", "nodeSelector", "nvidia.com/gpu.product"),
                Overrides.parsePath("nodePool.nodeSelector.\"nvidia.com/gpu.product\""));
        assertNull(Overrides.parsePath("a..b"));
        assertNull(Overrides.parsePath("a.[0"));
        assertNull(Overrides.parsePath("a."));
    }
}
