package dev.kubebench.collector.store;

import dev.kubebench.core.timeline.EventKind;

import dev.kubebench.core.timeline.TimelineEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.collector.result.MeasurementKind;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.core.trial.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsStoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T20:15:07Z"), ZoneOffset.UTC);

    static RunResult result(String runId, int trial, TrialState status) {
        return new RunResult(RunResult.SCHEMA_VERSION,
                new RunResult.Identity("bench", runId, trial, null, 0, "custom"),
                new RunResult.Outcome(MeasurementKind.THROUGHPUT, status,
                        status == TrialState.SUCCEEDED ? null : "job failed", null, null, null),
                RunResult.Measurements.NONE, null, null);
    }

    @Test
    void createsRunsWithLayoutAndIndex(@TempDir Path root) throws IOException {
        ResultsStore store = new ResultsStore(root);
        Random random = new Random(42);
        RunDirectory a = store.createRun("bench", CLOCK, random);
        RunDirectory b = store.createRun("bench", CLOCK, random);
        assertTrue(RunIds.isValid(a.runId()), a.runId());
        assertTrue(a.runId().startsWith("20261128-201507-"));
        assertEquals("bench", a.benchmark());
        assertEquals(root.resolve("bench").resolve(a.runId()).resolve("trials/2/result.json"), a.resultJson(2));

        a.createTrial(0);
        a.createTrial(1);
        assertTrue(Files.isDirectory(a.logsDir(1)));
        a.writeResult(result(a.runId(), 0, TrialState.SUCCEEDED));
        a.writeResult(result(a.runId(), 1, TrialState.FAILED));
        RunEntry e = store.record(a);
        assertEquals(new RunEntry(a.runId(), Instant.parse("2026-11-28T20:15:07Z"), 2, 1, "failed"), e);

        List<RunEntry> runs = store.runs("bench");
        assertEquals(2, runs.size());
        assertEquals(List.of(a.runId(), b.runId()).stream().sorted().toList(),
                runs.stream().map(RunEntry::runId).toList());
        assertEquals(List.of(0, 1), a.trials());
        assertEquals(2, a.readResults().size());
        assertEquals(TrialState.FAILED, a.readResult(1).status());
        assertEquals(List.of("bench"), store.benchmarks());

        // the index is a cache: delete it and the scan gives the same runs
        Files.delete(root.resolve("bench/index.json"));
        List<RunEntry> rebuilt = store.runs("bench");
        assertEquals(runs.stream().map(RunEntry::runId).toList(), rebuilt.stream().map(RunEntry::runId).toList());
        assertEquals("failed", rebuilt.stream().filter(r -> r.runId().equals(a.runId())).findFirst()
                .orElseThrow().status());
        assertTrue(Files.exists(root.resolve("bench/index.json")));
        try (var s = Files.list(root.resolve("bench"))) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void readsTimelineSkippingTornLines(@TempDir Path root) throws IOException {
        RunDirectory run = RunDirectory.of(root.resolve("bench/20261128-201507-abcdef"));
        run.createTrial(0);
        Files.writeString(run.events(0), "{\"time\":\"2026-11-28T20:15:07Z\",\"event\":\"submitted\"}\n"
                + "{\"time\":\"2026-11-28T20:15:09.5Z\",\"event\":\"pod_scheduled\",\"pod\":\"p-0\",\"detail\":\"node-1\"}\n"
                + "{\"time\":\"2026-11-28T20:15:10Z\",\"event\":\"from_a_later_version\"}\n"
                + "{\"time\":\"2026-11-28T20:1");
        List<TimelineEvent> events = run.readEvents(0);
        assertEquals(2, events.size());
        assertEquals(new TimelineEvent(Instant.parse("2026-11-28T20:15:09.500Z"), EventKind.POD_SCHEDULED, "p-0", null,
                "node-1"), events.get(1));
        assertEquals(List.of(), run.readEvents(5));
    }

    @Test
    void rejectsUnsafeBenchmarkNamesAndMissingRuns(@TempDir Path root) {
        ResultsStore store = new ResultsStore(root);
        assertThrows(KubebenchException.class, () -> store.benchmarkDir("../etc"));
        KubebenchException e = assertThrows(KubebenchException.class, () -> store.open("bench", "nope"));
        assertTrue(e.getMessage().startsWith("no run nope of benchmark bench"));
    }

    @Test
    void runIds() {
        String id = RunIds.next(CLOCK, new Random(1));
        assertTrue(RunIds.isValid(id));
        assertEquals(6, RunIds.hex(id).length());
        assertTrue(!RunIds.isValid("20261128-201507-ABCDEF"));
    }
}
