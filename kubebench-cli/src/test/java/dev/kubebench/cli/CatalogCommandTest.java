package dev.kubebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.catalog.mlperf.MlperfCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

class CatalogCommandTest {
    @Test
    void listPrintsATableWithEveryBenchmark() {
        CliRun r = CliRun.of("catalog", "list");
        assertEquals(0, r.exitCode(), r.err());
        String[] lines = r.out().split("\\R");
        assertEquals(MlperfCatalog.standard().all().size() + 1, lines.length);
        assertTrue(lines[0].matches("ID +BENCHMARK +QUALITY TARGET +RUNS +DROP +ROUNDS +DATASET"), lines[0]);
        String resnet = find(lines, "mlperf/resnet ");
        assertTrue(resnet.matches("mlperf/resnet +resnet +eval_accuracy >= 0\\.759 +5 +1 +0\\.6,.*4\\.0 +ImageNet.*"), resnet);
        String sd = find(lines, "mlperf/stable_diffusion ");
        assertTrue(sd.contains("FID <= 90; CLIP >= 0.15"), sd);
        String unet = find(lines, "mlperf/unet3d ");
        assertTrue(unet.matches(".* 40 +4 .*"), unet);
    }

    private static String find(String[] lines, String prefix) {
        for (String l : lines) {
            if (l.startsWith(prefix)) {
                return l;
            }
        }
        throw new AssertionError("no line starting with " + prefix);
    }

    @Test
    void listAsJsonAndYamlCarryTheSameFacts() {
        CliRun json = CliRun.of("catalog", "list", "-o", "json");
        CliRun yaml = CliRun.of("catalog", "list", "--output", "yaml");
        assertEquals(0, json.exitCode());
        List<?> fromJson = JsonMapper.builder().build().readValue(json.out(), List.class);
        List<?> fromYaml = YAMLMapper.builder().build().readValue(yaml.out(), List.class);
        assertEquals(fromJson, fromYaml);
        assertEquals(MlperfCatalog.standard().all().size(), fromJson.size());
        Map<?, ?> bert = (Map<?, ?>) fromJson.get(1);
        assertEquals("mlperf/bert", bert.get("id"));
        assertEquals(10, bert.get("requiredRuns"));
        Map<?, ?> target = (Map<?, ?>) ((List<?>) bert.get("targets")).get(0);
        assertEquals("higher", target.get("direction"));
        assertEquals(0.72, target.get("value"));
    }

    @Test
    void showPrintsOneBenchmark() {
        CliRun r = CliRun.of("catalog", "show", "rnnt");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("id:              mlperf/rnnt"), r.out());
        assertTrue(r.out().matches("(?s).*quality target: +eval_accuracy <= 0\\.058.*"), r.out());
        assertTrue(r.out().contains("source:"), r.out());
        CliRun json = CliRun.of("catalog", "show", "mlperf/gpt3", "-o", "json");
        assertEquals("gpt3", JsonMapper.builder().build().readValue(json.out(), Map.class).get("name"));
    }

    @Test
    void unknownIdExitsTwoWithASuggestion() {
        CliRun r = CliRun.of("catalog", "show", "resnt");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("unknown catalog id 'resnt'; did you mean 'mlperf/resnet'?"), r.err());
        assertTrue(!r.err().contains("Exception"), r.err());
        CliRun llama = CliRun.of("catalog", "show", "mlperf/llama");
        assertEquals(2, llama.exitCode());
        assertTrue(llama.err().contains("did you mean one of: mlperf/llama2_70b_lora, mlperf/llama31_8b,"
                + " mlperf/llama31_405b?"), llama.err());
        assertTrue(CliRun.of("catalog", "show", "zzzzzz").err().contains("unknown catalog id 'zzzzzz' (see"));
    }

    @Test
    void aSubcommandIsRequired() {
        assertEquals(2, CliRun.of("catalog").exitCode());
    }
}
