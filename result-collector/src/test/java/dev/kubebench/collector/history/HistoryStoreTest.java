package dev.kubebench.collector.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.collector.result.RunResult;
import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The history store against a real PostgreSQL started by the test. */
@ExtendWith(PostgresExtension.class)
class HistoryStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-01T01:00:00Z");
    /** Quotes, semicolons and a classic payload: must be stored and read back verbatim. */
    static final String PAYLOAD = "x'; DROP TABLE runs; -- \"quoted\" ; $$ \\ ';";

    private static DatabaseUrl url(PostgresCluster pg) throws SQLException {
        return DatabaseUrl.parse(pg.createDatabase(), Map.of(), Path.of("/nonexistent"));
    }

    private static long count(PostgresCluster pg, DatabaseUrl url, String table) throws SQLException {
        try (Connection c = pg.connect(url.database()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every file's path and content, to show a push leaves the run directory alone. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p) + "@" + Files.getLastModifiedTime(p), Files.readString(p));
            }
        }
        return out;
    }

    @Test
    void pushingTheSameThreeRunsTwiceStoresThreeRuns(PostgresCluster pg, @TempDir Path results) throws Exception {
        DatabaseUrl url = url(pg);
        List<Path> dirs = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            dirs.add(HistoryFixtures.run(results, "bert", "20261101-0" + r + "0000-aaaaa" + r,
                    T0.plusSeconds(3600L * r), 1.0, 6));
        }
        Map<String, String> before = snapshot(results);
        try (HistoryStore store = HistoryStore.open(url)) {
            for (Path d : dirs) {
                assertTrue(store.push(RunDirectoryReader.read(d, Map.of("branch", "main"))));
            }
            long metrics = count(pg, url, "metrics");
            for (Path d : dirs) {
                assertFalse(store.push(RunDirectoryReader.read(d, Map.of("branch", "other"))));
            }
            assertEquals(3, store.runs(HistoryQuery.benchmark("bert")).size());
            assertEquals(metrics, count(pg, url, "metrics"));
            assertEquals(3 * 6 * 2, metrics);
            StoredRun first = store.runs(HistoryQuery.benchmark("bert")).get(0);
            assertEquals(Map.of("branch", "main", "team", "perf"), first.labels());
            assertEquals(T0, first.startedAt());
            assertEquals("succeeded", first.status());
        }
        assertEquals(before, snapshot(results));
    }

    @Test
    void storesTrialsParametersMetricsWithUnitsAndTheView(PostgresCluster pg, @TempDir Path results)
            throws Exception {
        DatabaseUrl url = url(pg);
        Path dir = HistoryFixtures.run(results, "bert", "20261101-010000-aaaaaa", T0, 1.0, 4);
        try (HistoryStore store = HistoryStore.open(url)) {
            store.push(RunDirectoryReader.read(dir, Map.of()));
            RunDetail d = store.detail("20261101-010000-aaaaaa").orElseThrow();
            assertEquals(4, d.trials().size());
            assertEquals("gpus=1", d.trials().get(0).point());
            assertEquals(4, d.points().size());
            RunDetail.MetricPoint ttt1 = d.points().stream()
                    .filter(p -> p.point().equals("gpus=1") && p.metric().equals("time_to_train_s")).findFirst()
                    .orElseThrow();
            assertEquals("s", ttt1.unit());
            assertEquals("lower", ttt1.direction());
            assertEquals(2, ttt1.n());
            assertEquals((1510 + 1532) / 2.0, ttt1.median(), 1e-9);
            assertEquals(1510, ttt1.min(), 1e-9);
            assertTrue(d.specYaml().contains("maxRegression: 5%"));
            List<RunMetrics> m = store.metrics(HistoryQuery.benchmark("bert"));
            assertEquals(1, m.size());
            assertEquals(8, m.get(0).values().size());
            assertEquals("time_to_train_s", m.get(0).gates().get(0).metric());
        }
        assertEquals(4, count(pg, url, "trial_parameters"));
        assertEquals(1, count(pg, url, "metric_points WHERE metric = 'throughput_samples_per_s' AND point = 'gpus=2'"));
    }

    @Test
    void injectionPayloadsAreStoredAndReadBackVerbatim(PostgresCluster pg, @TempDir Path results)
            throws Exception {
        DatabaseUrl url = url(pg);
        String benchmark = "bench" + PAYLOAD;
        Path dir = HistoryFixtures.run(results, benchmark, "20261101-010000-bbbbbb", T0, 1.0, 2);
        try (HistoryStore store = HistoryStore.open(url)) {
            assertTrue(store.push(RunDirectoryReader.read(dir, Map.of("k" + PAYLOAD, "v" + PAYLOAD))));
            List<StoredRun> runs = store.runs(new HistoryQuery(benchmark, Map.of("k" + PAYLOAD, "v" + PAYLOAD),
                    null));
            assertEquals(1, runs.size());
            assertEquals(benchmark, runs.get(0).benchmark());
            assertEquals("v" + PAYLOAD, runs.get(0).labels().get("k" + PAYLOAD));
            assertEquals(0, store.runs(new HistoryQuery(benchmark + "'", Map.of(), null)).size());
        }
        assertEquals(1, count(pg, url, "runs"));
    }

    @Test
    void aFailedPushLeavesNothing(PostgresCluster pg, @TempDir Path results) throws Exception {
        DatabaseUrl url = url(pg);
        PushedRun good = RunDirectoryReader.read(
                HistoryFixtures.run(results, "bert", "20261101-010000-cccccc", T0, 1.0, 2), Map.of());
        List<RunResult> twice = new ArrayList<>(good.trials());
        twice.add(good.trials().get(0)); // the same trial index twice: the trials insert fails half-way
        PushedRun broken = new PushedRun(good.runId(), good.benchmark(), good.startedAt(), good.finishedAt(),
                good.status(), good.specYaml(), good.labels(), good.gates(), good.verdicts(), twice);
        try (HistoryStore store = HistoryStore.open(url)) {
            KubebenchException e = assertThrows(KubebenchException.class, () -> store.push(broken));
            assertEquals(Failure.INFRASTRUCTURE, e.failure());
            assertEquals(0, store.runs(HistoryQuery.benchmark("bert")).size());
            assertTrue(store.push(good));
        }
        assertEquals(0, count(pg, url, "run_labels WHERE run_id <> '20261101-010000-cccccc'"));
    }

    @Test
    void concurrentPushesOfTheSameRunsNeitherDuplicateNorDeadlock(PostgresCluster pg, @TempDir Path results)
            throws Exception {
        DatabaseUrl url = url(pg);
        List<PushedRun> runs = new ArrayList<>();
        for (int r = 0; r < 6; r++) {
            runs.add(RunDirectoryReader.read(HistoryFixtures.run(results, "bert", "20261101-0" + r + "0000-dddddd",
                    T0.plusSeconds(r), 1.0, 4), Map.of()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> jobs = new ArrayList<>();
            for (int j = 0; j < 4; j++) {
                int offset = j;
                jobs.add(pool.submit(() -> {
                    int stored = 0;
                    try (HistoryStore store = HistoryStore.open(url)) { // each job migrates on first use, too
                        for (int i = 0; i < runs.size(); i++) {
                            stored += store.push(runs.get((i + offset) % runs.size())) ? 1 : 0;
                        }
                    }
                    return stored;
                }));
            }
            int stored = 0;
            for (Future<Integer> f : jobs) {
                stored += f.get();
            }
            assertEquals(6, stored);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(6, count(pg, url, "runs"));
        assertEquals(6 * 4 * 2, count(pg, url, "metrics"));
        assertEquals(1, count(pg, url, "schema_version"));
    }

    @Test
    void lastGoodIsTheNewestRunWhoseGatesPassed(PostgresCluster pg, @TempDir Path results) throws Exception {
        DatabaseUrl url = url(pg);
        Path a = HistoryFixtures.run(results, "bert", "20261101-010000-eeeee1", T0, 1.0, 2);
        Path b = HistoryFixtures.run(results, "bert", "20261102-010000-eeeee2", T0.plusSeconds(86400), 1.0, 2);
        Path c = HistoryFixtures.run(results, "bert", "20261103-010000-eeeee3", T0.plusSeconds(172800), 1.1, 2);
        Files.writeString(b.resolve(RunDirectoryReader.COMPARE_JSON), "{\"comparisons\": [{\"metric\": "
                + "\"time_to_train_s\", \"point\": \"\", \"verdict\": \"~\", \"gated\": true, \"changePercent\": 0.5}]}");
        Files.writeString(c.resolve(RunDirectoryReader.COMPARE_JSON), "{\"comparisons\": [{\"metric\": "
                + "\"time_to_train_s\", \"point\": \"\", \"verdict\": \"regression\", \"gated\": true}]}");
        try (HistoryStore store = HistoryStore.open(url)) {
            for (Path d : List.of(a, b, c)) {
                store.push(RunDirectoryReader.read(d, Map.of("branch", d == a ? "dev" : "main")));
            }
            HistoryQuery bert = HistoryQuery.benchmark("bert");
            assertEquals("20261102-010000-eeeee2", store.lastGood(bert, Set.of()).orElseThrow());
            assertEquals("20261101-010000-eeeee1", store.lastGood(bert, Set.of("20261102-010000-eeeee2"))
                    .orElseThrow());
            assertEquals("20261101-010000-eeeee1", store.lastGood(new HistoryQuery("bert",
                    Map.of("branch", "dev"), null), Set.of()).orElseThrow());
            assertEquals(Boolean.FALSE, store.runs(bert).get(2).gatesPassed());
            assertEquals(List.of("20261102-010000-eeeee2", "20261103-010000-eeeee3"), store.runs(
                    new HistoryQuery("bert", Map.of(), T0.plusSeconds(3600))).stream().map(StoredRun::runId).toList());
            assertEquals(2, store.delete(Set.of("20261101-010000-eeeee1", "20261103-010000-eeeee3", "nope")));
            assertEquals(1, store.runs(bert).size());
        }
        assertEquals(2 * 2, count(pg, url, "metrics"));
    }

    @Test
    void migrationsApplyOnceAndAnUnreachableServerIsOneLineExitFour(PostgresCluster pg) throws Exception {
        DatabaseUrl url = url(pg);
        try (HistoryStore store = HistoryStore.open(url)) {
            assertEquals(Migrations.latestVersion(), store.schemaVersion());
            assertEquals(List.of(), store.migrate());
        }
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        DatabaseUrl nowhere = DatabaseUrl.parse("postgresql://kb@127.0.0.1:" + closed + "/history", Map.of(),
                Path.of("/nonexistent"));
        KubebenchException e = assertThrows(KubebenchException.class, () -> HistoryStore.open(nowhere));
        assertEquals(Failure.INFRASTRUCTURE, e.failure());
        assertEquals(1, e.problems().size());
        assertFalse(e.problems().get(0).contains("\n"), e.problems().get(0));
        assertTrue(e.problems().get(0).startsWith("history database kb@127.0.0.1:" + closed
                + "/history: cannot connect: "), e.problems().get(0));
    }
}
