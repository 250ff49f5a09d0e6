package dev.kubebench.report.analysis.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.collector.result.MeasurementKind;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.core.trial.TrialState;
import dev.kubebench.collector.store.RunDirectory;
import dev.kubebench.report.analysis.plan.Measurement;
import dev.kubebench.report.analysis.plan.RunMeasurements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreSampleLoaderTest {
    private final StoreSampleLoader loader = new StoreSampleLoader();

    static RunResult trial(String runId, int trial, int gpus, TrialState status, double ttt, double x,
                           Instant started) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("gpus", gpus);
        return new RunResult(RunResult.SCHEMA_VERSION,
                new RunResult.Identity("bert", runId, trial, point, 0, "mlperf/bert"),
                new RunResult.Outcome(MeasurementKind.TIME_TO_TRAIN, status,
                        status == TrialState.SUCCEEDED ? null : "job failed", status == TrialState.SUCCEEDED, started,
                        started.plusSeconds(100)),
                new RunResult.Measurements(Map.of("time_to_train_s", ttt, "throughput_samples_per_s", x), null, null,
                        null),
                Map.of("pool", "h100", "replicas", "1", "gpus_per_replica", Integer.toString(gpus)), null);
    }

    static Path run(Path results, String runId, Instant started, RunResult... trials) throws Exception {
        RunDirectory dir = RunDirectory.of(results.resolve("bert").resolve(runId));
        for (RunResult r : trials) {
            dir.createTrial(r.trial());
            dir.writeResult(r);
        }
        return dir.path();
    }

    @Test
    void runDirectoryGivesOneSamplePerSucceededTrialAndMetric(@TempDir Path results) throws Exception {
        Instant t = Instant.parse("2026-11-01T01:00:00Z");
        Path dir = run(results, "20261101-010000-aaaaaa", t,
                trial("20261101-010000-aaaaaa", 0, 8, TrialState.SUCCEEDED, 100, 1000, t),
                trial("20261101-010000-aaaaaa", 1, 8, TrialState.SUCCEEDED, 102, 990, t.plusSeconds(200)),
                trial("20261101-010000-aaaaaa", 2, 8, TrialState.FAILED, 999, 10, t.plusSeconds(400)),
                trial("20261101-010000-aaaaaa", 3, 16, TrialState.SUCCEEDED, 60, 1900, t.plusSeconds(600)));
        List<RunSamples> runs = loader.load(dir);
        assertEquals(1, runs.size());
        assertEquals("20261101-010000-aaaaaa", runs.get(0).runId());
        assertEquals(t, runs.get(0).startedAt());
        List<SampleSet> sets = SampleSets.pool(runs);
        SampleSet ttt8 = sets.stream().filter(s -> s.label().equals("time_to_train_s[gpus=8]")).findFirst()
                .orElseThrow();
        assertEquals(2, ttt8.size());
        assertEquals(4, sets.size());
    }

    @Test
    void resultsDirectoryFindsEveryRunOnceInTimeOrder(@TempDir Path results) throws Exception {
        Instant t = Instant.parse("2026-11-01T01:00:00Z");
        run(results, "20261102-010000-bbbbbb", t.plusSeconds(86400),
                trial("20261102-010000-bbbbbb", 0, 8, TrialState.SUCCEEDED, 101, 1000, t.plusSeconds(86400)));
        Path first = run(results, "20261101-010000-aaaaaa", t,
                trial("20261101-010000-aaaaaa", 0, 8, TrialState.SUCCEEDED, 100, 1000, t));
        Files.createSymbolicLink(results.resolve("bert/last-good"), first.getFileName());
        List<RunSamples> runs = loader.load(results);
        assertEquals(List.of("20261101-010000-aaaaaa", "20261102-010000-bbbbbb"),
                runs.stream().map(RunSamples::runId).toList());
        // the link itself, named on the command line, is a run directory
        assertEquals("last-good", loader.load(results.resolve("bert/last-good")).get(0).runId());
    }

    @Test
    void rawMlperfLogsGiveTimeToTrainOfValidRuns() {
        Path bert = Path.of(System.getProperty("kubebench.shared"))
                .resolve("mlperf-logs/3.0/NVIDIA/dgxh100_n8_ngc23.04_pytorch/bert");
        List<RunSamples> runs = loader.load(bert);
        assertEquals(1, runs.size());
        SampleSet ttt = SampleSets.pool(runs).get(0);
        assertEquals("time_to_train_s", ttt.metric());
        // result_4.txt ended with run_stop status "aborted": 9 valid runs (kubebench collect shows the same)
        assertEquals(9, ttt.size());
        for (double v : ttt.values()) {
            assertTrue(v > 45 && v < 65, "seconds: " + v);
        }
    }

    @Test
    void nothingToLoadIsAUsageError(@TempDir Path empty) {
        KubebenchException e = assertThrows(KubebenchException.class, () -> loader.load(empty));
        assertTrue(e.getMessage().contains("no kubebench runs"), e.getMessage());
        assertThrows(KubebenchException.class, () -> loader.load(empty.resolve("missing")));
    }

    @Test
    void planMeasurementsFromRuns(@TempDir Path results) throws Exception {
        Instant t = Instant.parse("2026-11-01T01:00:00Z");
        run(results, "20261101-010000-aaaaaa", t,
                trial("20261101-010000-aaaaaa", 0, 8, TrialState.SUCCEEDED, 100, 1000, t),
                trial("20261101-010000-aaaaaa", 1, 16, TrialState.SUCCEEDED, 55, 1800, t),
                trial("20261101-010000-aaaaaa", 2, 32, TrialState.FAILED, 55, 1800, t));
        List<Measurement> m = RunMeasurements.load(results);
        assertEquals(List.of(new Measurement("h100", 8, 1000, 100, null),
                new Measurement("h100", 16, 1800, 55, null)), m);
    }
}
