package dev.kubebench.collector.mlperf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.catalog.mlperf.MlperfBenchmark;
import dev.kubebench.catalog.mlperf.MlperfCatalog;
import dev.kubebench.collector.mllog.MllogRun;
import dev.kubebench.collector.mllog.RunOutcome;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MlperfScorerTest {
    private static final Path LOGS = Path.of(System.getProperty("kubebench.shared"), "mlperf-logs");
    private static final MlperfCatalog CATALOG = MlperfCatalog.standard();

    @ParameterizedTest
    @CsvSource({
        "3.0/NVIDIA/dgxh100_n8_ngc23.04_pytorch/bert, bert, 1, 0.89813125, 1.0, 0.89813125",
        "3.0/Dell/XE9680x8H100-SXM-80GB/resnet, resnet, 1, 13.40986667, 1.0042232277526395, 13.46649958773253",
        "4.0/ASUSTeK/ESC_N8A-E12/llama2_70b_lora, llama2_70b_lora, 0, 29.42883958, 1.034722222222222, 30.45067429108796",
        "4.0/tinycorp/tinybox_green/resnet, resnet, 1, 122.07547778, 1.0, 122.07547777777778",
    })
    void reproducesPublishedScores(String dir, String benchmark, int failed, double mean, double scaling,
                                   double expected) throws IOException {
        MlperfScore s = SubmissionDirectory.score(LOGS.resolve(dir), CATALOG);
        assertTrue(s.scored(), s.noScoreReason());
        assertEquals(benchmark, s.benchmark());
        assertEquals(failed, s.failedRuns());
        assertEquals(mean, s.olympicMeanMinutes(), 1e-8);
        assertEquals(scaling, s.scalingFactor(), 0.0);
        assertEquals(expected, s.scoreMinutes(), 1e-9);
        assertTrue(s.warnings().isEmpty(), s.warnings().toString());
    }

    @Test
    void dellRunOneIsAbortedAndIdentityComesFromLogs() throws IOException {
        MlperfScore s = SubmissionDirectory.score(LOGS.resolve("3.0/Dell/XE9680x8H100-SXM-80GB/resnet"), CATALOG);
        ScoredRun r1 = s.runs().get(1);
        assertEquals("result_1.txt", r1.file());
        assertEquals(RunOutcome.ABORTED, r1.run().outcome());
        assertFalse(r1.valid());
        assertEquals("Dell", s.org());
        assertEquals("1xXE9680x8H100-SXM-80GB", s.platform());
        assertEquals("closed", s.division());
        MllogRun r0 = s.runs().get(0).run();
        assertTrue(r0.valid());
        assertEquals(Boolean.TRUE, r0.targetReached());
        assertEquals("tracked_stats", r0.throughputSource());
        assertTrue(r0.throughputSamplesPerS() > 50_000 && r0.throughputSamplesPerS() < 60_000);
        assertNotNull(r0.stepTimes());
        assertTrue(r0.stats().noiseLines() > 0);
        assertTrue(r0.initTimeMs() > 0);
        assertFalse(r0.accuracyCurve().isEmpty());
        assertTrue(r0.accuracyCurve().get(r0.accuracyCurve().size() - 1).value() >= 0.759);
    }

    @Test
    void tinycorpRunZeroWasKilledAndPointInTimeRunStopCounts() throws IOException {
        MlperfScore s = SubmissionDirectory.score(LOGS.resolve("4.0/tinycorp/tinybox_green/resnet"), CATALOG);
        assertEquals(RunOutcome.KILLED, s.runs().get(0).run().outcome());
        assertTrue(Double.isNaN(s.runs().get(0).minutes()));
        for (int i = 1; i < 5; i++) {
            assertTrue(s.runs().get(i).valid(), "run " + i);
        }
    }

    @Test
    void llamaBlocksGiveSamplesAndLowerIsBetterTarget() throws IOException {
        MlperfScore s = SubmissionDirectory.score(LOGS.resolve("4.0/ASUSTeK/ESC_N8A-E12/llama2_70b_lora"), CATALOG);
        MllogRun r = s.runs().get(3).run();
        assertEquals(Boolean.TRUE, r.targetReached());
        assertFalse(Double.isNaN(r.accuracyCurve().get(0).samples()));
    }

    @Test
    void gzipLogsWithPlaceholderIdentityTakeItFromThePath(@TempDir Path tmp) throws IOException {
        Path src = LOGS.resolve("3.0/Dell/XE9680x8H100-SXM-80GB/resnet");
        Path dir = tmp.resolve("Acme/box-8xH100/resnet");
        Files.createDirectories(dir);
        for (int i = 0; i < 5; i++) {
            String text = new String(Files.readAllBytes(src.resolve("result_" + i + ".txt")),
                    StandardCharsets.ISO_8859_1).replace("\"value\": \"Dell\"", "\"value\": \"SUBMISSION_ORG_PLACEHOLDER\"")
                    .replace("\"value\": \"1xXE9680x8H100-SXM-80GB\"", "\"value\": \"\"");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("result_" + i + ".txt.gz")))) {
                out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        Files.copy(src.resolve("scaling.json"), dir.resolve("scaling.json"));
        MlperfScore s = SubmissionDirectory.score(dir, CATALOG);
        assertEquals("Acme", s.org());
        assertEquals("box-8xH100", s.platform());
        assertEquals(13.46649958773253, s.scoreMinutes(), 1e-9);
        assertTrue(s.runs().get(0).run().stats().gzip());
        assertEquals(List.of(dir), SubmissionDirectory.find(tmp));
    }

    @Test
    void tooManyFailuresMeansNoScore() throws IOException {
        MlperfScore dell = SubmissionDirectory.score(LOGS.resolve("3.0/Dell/XE9680x8H100-SXM-80GB/resnet"), CATALOG);
        MlperfBenchmark resnet = CATALOG.find("resnet").orElseThrow();
        List<ScoredRun> runs = List.of(dell.runs().get(1), dell.runs().get(1), dell.runs().get(0),
                dell.runs().get(2), dell.runs().get(3));
        MlperfScore s = MlperfScorer.score(resnet, null, null, null, runs, 1.0);
        assertFalse(s.scored());
        assertTrue(Double.isNaN(s.scoreMinutes()));
        assertEquals("2 of 5 runs failed; resnet allows at most 1", s.noScoreReason());
    }

    @Test
    void runCountDifferentFromRequiredWarns() throws IOException {
        MlperfScore dell = SubmissionDirectory.score(LOGS.resolve("3.0/Dell/XE9680x8H100-SXM-80GB/resnet"), CATALOG);
        MlperfBenchmark resnet = CATALOG.find("resnet").orElseThrow();
        List<ScoredRun> four = dell.runs().subList(0, 4);
        MlperfScore s = MlperfScorer.score(resnet, null, null, null, four, 1.0);
        assertEquals(List.of("resnet needs 5 runs, found 4"), s.warnings());
        // 3 valid, one failed: drop the fastest only, mean of two
        List<Double> valid = four.stream().filter(ScoredRun::valid).map(ScoredRun::minutes).sorted().toList();
        assertEquals((valid.get(1) + valid.get(2)) / 2, s.scoreMinutes(), 1e-12);
        assertNull(s.noScoreReason());
    }
}
