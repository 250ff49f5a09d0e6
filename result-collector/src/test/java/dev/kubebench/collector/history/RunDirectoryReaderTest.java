package dev.kubebench.collector.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kubebench.collector.result.RunResult;
import dev.kubebench.collector.store.RunDirectory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryReaderTest {
    @Test
    void warmUpTrialsNeverEnterTheHistory(@TempDir Path results) throws Exception {
        Path dir = HistoryFixtures.run(results, "bert", "20261101-010000-aaaaa1", Instant.parse("2026-11-01T01:00:00Z"),
                1.0, 3);
        RunDirectory run = RunDirectory.of(dir);
        RunResult first = run.readResult(0);
        RunResult.Identity id = first.identity();
        run.writeResult(new RunResult(first.schemaVersion(), new RunResult.Identity(id.benchmark(), id.runId(),
                id.trial(), id.point(), id.repetition(), id.workload(), true), first.outcome(), first.measurements(),
                first.labels(), first.warnings()));

        PushedRun pushed = RunDirectoryReader.read(dir, Map.of());

        assertEquals(List.of(1, 2), pushed.trials().stream().map(RunResult::trial).toList());
    }
}
