package dev.kubebench.collector.mlperf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.catalog.mlperf.MlperfCatalog;
import dev.kubebench.core.error.KubebenchException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Directories scored with the compliance check, against the official summarizer's outcomes (see
 * src/test/resources/mlperf-compliance/README.md for how they were established).
 */
class CheckedScoringTest {
    private static final Path SHARED = Path.of(System.getProperty("kubebench.shared"), "mlperf-logs");
    private static final Path OURS = Path.of("src/test/resources/mlperf-compliance");
    private static final MlperfCatalog CATALOG = MlperfCatalog.standard();

    private static MlperfScore checked(Path dir) throws IOException {
        return DirectoryScoring.score(dir, CATALOG, DirectoryScoring.Options.CHECK);
    }

    @Test
    void theFourPublishedDirectoriesKeepTheirScoresWithTheCheck() throws IOException {
        String[] dirs = {"3.0/NVIDIA/dgxh100_n8_ngc23.04_pytorch/bert", "3.0/Dell/XE9680x8H100-SXM-80GB/resnet",
            "4.0/ASUSTeK/ESC_N8A-E12/llama2_70b_lora", "4.0/tinycorp/tinybox_green/resnet"};
        double[] scores = {0.89813125, 13.46649958773253, 30.45067429108796, 122.07547777777778};
        int[] compliant = {9, 4, 10, 4};
        String[] rulesets = {"3.0.0", "3.0.0", "4.0.0", "4.0.0"};
        for (int i = 0; i < dirs.length; i++) {
            MlperfScore s = checked(SHARED.resolve(dirs[i]));
            assertEquals(scores[i], s.scoreMinutes(), 1e-9, dirs[i]);
            assertEquals(compliant[i], s.compliantRuns(), dirs[i]);
            assertEquals(rulesets[i], s.ruleset(), dirs[i]);
        }
    }

    @Test
    void longResultFileNamesAreScoredInNaturalOrder() throws IOException {
        Path dir = OURS.resolve("long-names/4.0/Fixture/fixture-8xgpu/bert");
        MlperfScore s = checked(dir);
        assertEquals(11.4625, s.scoreMinutes(), 1e-9);
        assertEquals(10, s.runs().size());
        assertEquals("result_5016-240510051637692552790_26.txt", s.runs().get(0).file());
        assertEquals("result_5016-240510051637692552799_35.txt", s.runs().get(9).file());
        assertTrue(SubmissionDirectory.isResultFile("result_5016-240510051637692552791_26.txt.gz"));
        assertTrue(SubmissionDirectory.isResultFile("result_7.log"));
        assertFalse(SubmissionDirectory.isResultFile("result_0.json"));
    }

    @Test
    void aDirectoryWhoseRunsMissARequiredHyperparameterIsRefused() throws IOException {
        Path dir = OURS.resolve("missing-hyperparameter/4.0/Fixture/fixture-8xgpu/bert");
        MlperfScore s = checked(dir);
        assertFalse(s.scored());
        assertEquals("10 of 10 runs failed; bert allows at most 1", s.noScoreReason());
        assertEquals(0, s.compliantRuns());
        ScoredRun r = s.runs().get(0);
        assertTrue(r.run().valid(), "converged, only not compliant");
        assertEquals("not compliant: Required EXACTLY_ONE occurrence of 'opt_lamb_epsilon' but found 0",
                r.invalidReason());
        // without the check it is scored, as before
        MlperfScore unchecked = SubmissionDirectory.score(dir, CATALOG);
        assertTrue(unchecked.scored());
        assertNull(unchecked.compliantRuns());
        assertNull(unchecked.ruleset());
    }

    @Test
    void twoRunsOutOfOrderAreTooManyForBert() throws IOException {
        MlperfScore s = checked(OURS.resolve("out-of-order/4.0/Fixture/fixture-8xgpu/bert"));
        assertEquals("2 of 10 runs failed; bert allows at most 1", s.noScoreReason());
        assertEquals(8, s.compliantRuns());
    }

    @Test
    void objectValuedAccuracyReachesMaskrcnnsTarget() throws IOException {
        MlperfScore s = checked(OURS.resolve("object-accuracy/3.1/Fixture/fixture-8xgpu/maskrcnn"));
        assertEquals(30.583333333333332, s.scoreMinutes(), 1e-9);
        assertEquals(0, s.failedRuns());
        for (ScoredRun r : s.runs()) {
            assertEquals(Boolean.TRUE, r.run().targetReached(), r.file());
            assertEquals(List.of(), r.run().warnings(), r.file());
        }
    }

    @Test
    void anUnknownRulesetIsAUsageError() {
        KubebenchException e = assertThrows(KubebenchException.class,
                () -> new DirectoryScoring.Options(true, "2.9.9"));
        assertTrue(e.getMessage().startsWith("--ruleset: no MLPerf Training rules for '2.9.9'"), e.getMessage());
        assertEquals("4.0.0", new DirectoryScoring.Options(true, "4.0").ruleset().replace("4.0", "4.0.0"));
    }

    @Test
    void scanNamesWhatItPassesOver() throws IOException {
        SubmissionScan scan = SubmissionScan.of(OURS.resolve("mixed"));
        assertEquals(2, scan.directories().size());
        assertEquals(1, scan.skipped().size());
        assertTrue(scan.skipped().get(0).endsWith("bert: skipped: no result_*.txt run logs (found result_0.json)"),
                scan.skipped().get(0));
    }
}
