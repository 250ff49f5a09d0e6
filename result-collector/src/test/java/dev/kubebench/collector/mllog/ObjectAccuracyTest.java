package dev.kubebench.collector.mllog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.catalog.mlperf.MlperfCatalog;
import dev.kubebench.catalog.spec.QualityTarget;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** eval_accuracy logged as one object ({"BBOX": .., "SEGM": ..}, maskrcnn in rounds 3.0 and 3.1). */
class ObjectAccuracyTest {
    private static final List<QualityTarget> MASKRCNN = MlperfCatalog.standard().find("maskrcnn").orElseThrow()
            .targets();
    private static final List<QualityTarget> RESNET = MlperfCatalog.standard().find("resnet").orElseThrow()
            .targets();

    private static MllogRun run(List<QualityTarget> targets, String... values) throws IOException {
        StringBuilder log = new StringBuilder(":::MLLOG {\"time_ms\": 1000, \"key\": \"run_start\", \"value\": null}\n");
        long t = 2000;
        for (String v : values) {
            log.append(":::MLLOG {\"time_ms\": ").append(t += 1000).append(", \"key\": \"eval_accuracy\", \"value\": ")
                    .append(v).append(", \"metadata\": {\"epoch_num\": 1}}\n");
        }
        log.append(":::MLLOG {\"time_ms\": 9000, \"key\": \"run_stop\", \"value\": null, "
                + "\"metadata\": {\"status\": \"success\"}}\n");
        MllogAccumulator acc = new MllogAccumulator(targets);
        ParseStats stats = new MllogParser().parse(
                new ByteArrayInputStream(log.toString().getBytes(StandardCharsets.UTF_8)), acc);
        return acc.finish(targets, stats);
    }

    @Test
    void eachMemberIsAnEvaluationOfTheTargetNamingIt() throws IOException {
        MllogRun r = run(MASKRCNN, "{\"BBOX\": 0.301, \"SEGM\": 0.287}", "{\"BBOX\": 0.378, \"SEGM\": 0.345}");
        assertEquals(Boolean.TRUE, r.targetReached());
        assertEquals(4, r.accuracyCurve().size());
        assertEquals("SEGM", r.accuracyCurve().get(3).metric());
        assertEquals(List.of(), r.warnings());
        assertEquals(Boolean.FALSE, run(MASKRCNN, "{\"BBOX\": 0.378, \"SEGM\": 0.300}").targetReached());
    }

    @Test
    void anObjectNoTargetNamesIsCountedAndSaidNotSilentlyDropped() throws IOException {
        MllogRun r = run(RESNET, "{\"top1\": 0.77, \"top5\": 0.93}", "{\"note\": \"n/a\"}");
        assertEquals(Boolean.FALSE, r.targetReached());
        assertTrue(r.warnings().contains("1 evaluation(s) logged as an object without numbers; ignored"),
                r.warnings().toString());
        assertTrue(r.warnings().contains(
                "1 evaluation(s) logged as an object with no member a quality target names; ignored"),
                r.warnings().toString());
    }
}
