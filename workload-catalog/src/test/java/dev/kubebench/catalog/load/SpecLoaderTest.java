package dev.kubebench.catalog.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.catalog.error.KubebenchException;
import dev.kubebench.catalog.plan.BenchmarkPlan;
import dev.kubebench.catalog.spec.JobKind;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecLoaderTest {
    static Path spec(String name) {
        try {
            return Path.of(SpecLoaderTest.class.getResource("/specs/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void loadsTheResnetExample() {
        BenchmarkPlan plan = new SpecLoader().load(spec("valid/resnet.yaml"), null, List.of());
        assertEquals(6, plan.trials().size());
        assertEquals(JobKind.PYTORCH_JOB, plan.resolved().spec().job().kind());
        assertEquals(4, plan.trials().get(4).benchmark().spec().job().replicas().get("Worker"));
        System.out.println(plan.resolvedYaml());
        System.out.println(plan.trials().get(4));
    }

    @Test
    void timeouttIsAnUnknownFieldWithASuggestion() {
        KubebenchException e = assertThrows(KubebenchException.class,
                () -> new SpecLoader().load(spec("invalid/unknown-field-timeoutt.yaml"), null, List.of()));
        System.out.println(e.problems());
        assertTrue(e.problems().get(0).endsWith(
                "unknown-field-timeoutt.yaml:12:3: spec.timeoutt: unknown field; did you mean 'timeout'?"));
    }
}
