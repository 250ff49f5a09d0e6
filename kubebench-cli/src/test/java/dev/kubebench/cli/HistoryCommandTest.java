package dev.kubebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.collector.history.HistoryFixtures;
import dev.kubebench.collector.history.PostgresCluster;
import dev.kubebench.collector.history.PostgresExtension;
import dev.kubebench.collector.history.RunDirectoryReader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The history commands and the --db options of run, trend, compare and report against a real PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class HistoryCommandTest {
    private static final Path ROOT = Path.of(System.getProperty("kubebench.root"));
    private static final Instant T0 = Instant.parse("2026-10-01T01:00:00Z");
    private static final String PAYLOAD = "x'; DROP TABLE runs; -- \"q\" ;";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path results;

    private static String runId(int r) {
        return String.format("202610%02d-010000-%06x", r % 28 + 1, r);
    }

    /** {@code count} runs of bert; runs from {@code stepAt} on are {@code factor} slower. */
    private List<Path> history(int count, int stepAt, double factor) throws Exception {
        return history(count, stepAt, factor, 4);
    }

    private List<Path> history(int count, int stepAt, double factor, int trials) throws Exception {
        List<Path> dirs = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            dirs.add(HistoryFixtures.run(results, "bert", runId(r), T0.plusSeconds(3600L * r),
                    r >= stepAt ? factor : 1.0, trials));
        }
        return dirs;
    }

    private static String[] args(List<Path> dirs, String... first) {
        List<String> all = new ArrayList<>(List.of(first));
        dirs.forEach(d -> all.add(d.toString()));
        return all.toArray(String[]::new);
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void pushingTheSameThreeRunsTwiceGivesThreeRuns(PostgresCluster pg) throws Exception {
        String db = pg.createDatabase();
        List<Path> dirs = history(3, 3, 1.0);
        CliRun first = CliRun.of(args(dirs, "history", "push", "--db", db, "--label", "branch=main"));
        assertEquals(0, first.exitCode(), first.err());
        assertEquals(3, first.out().lines().filter(l -> l.startsWith("pushed bert/")).count(), first.out());
        CliRun again = CliRun.of(args(dirs, "history", "push", "--db", db, "--label", "branch=main"));
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(3, again.out().lines().filter(l -> l.startsWith("already in history:")).count(), again.out());
        CliRun list = CliRun.of("history", "list", "--db", db, "-o", "json");
        JsonNode runs = JSON.readTree(list.out());
        assertEquals(3, runs.size(), list.out());
        assertEquals("main", runs.get(0).path("labels").path("branch").asString());
        assertEquals("perf", runs.get(0).path("labels").path("team").asString());
        CliRun text = CliRun.of("history", "list", "--db", db, "--benchmark", "bert", "--label", "branch=main");
        assertEquals(4, text.out().lines().count(), text.out());
        CliRun show = CliRun.of("history", "show", runId(0), "--db", db);
        assertEquals(0, show.exitCode(), show.err());
        assertTrue(show.out().contains("time_to_train_s"), show.out());
    }

    @Test
    void trendFromTheDatabaseEqualsTrendOnTheFolder(PostgresCluster pg) throws Exception {
        String db = pg.createDatabase();
        List<Path> dirs = history(40, 30, 1.08);
        assertEquals(0, CliRun.of(args(dirs, "history", "push", "--db", db)).exitCode());
        CliRun folder = CliRun.of("trend", results.resolve("bert").toString(), "--gate");
        CliRun database = CliRun.of("trend", "--db", db, "--benchmark", "bert", "--gate");
        assertEquals(3, folder.exitCode(), folder.out() + folder.err());
        assertEquals(folder.exitCode(), database.exitCode(), database.err());
        assertEquals(folder.out(), database.out());
        assertEquals(folder.err(), database.err());
        assertTrue(folder.out().contains(runId(30)), folder.out());
        CliRun json = CliRun.of("trend", "--db", db, "--benchmark", "bert", "-o", "json");
        assertEquals(CliRun.of("trend", results.resolve("bert").toString(), "-o", "json").out(), json.out());
        CliRun recent = CliRun.of("trend", "--db", db, "--benchmark", "bert", "--since", "1d", "--gate");
        assertEquals(2, recent.exitCode(), "no run of 2026 within a day of now: " + recent.err());
        assertEquals(2, CliRun.of("trend", results.toString(), "--db", db, "--benchmark", "bert").exitCode());
    }

    @Test
    void compareWithTheLastGoodRunFromTheDatabase(PostgresCluster pg, @TempDir Path candidates) throws Exception {
        String db = pg.createDatabase();
        List<Path> dirs = history(3, 3, 1.0, 10);
        // the newest stored run failed its gate: last-good is the one before it
        Files.writeString(dirs.get(2).resolve(RunDirectoryReader.COMPARE_JSON), "{\"comparisons\": [{\"metric\": "
                + "\"time_to_train_s\", \"point\": \"\", \"verdict\": \"regression\", \"gated\": true}]}");
        assertEquals(0, CliRun.of(args(dirs, "history", "push", "--db", db)).exitCode());
        Path same = HistoryFixtures.run(candidates, "bert", "20261101-010000-aaaaaa", T0.plusSeconds(86400 * 40),
                1.0, 10);
        Path slow = HistoryFixtures.run(candidates, "bert", "20261102-010000-bbbbbb", T0.plusSeconds(86400 * 41),
                1.10, 10);
        // the candidate pushed already (run --db) is newest and good, but never its own baseline
        assertEquals(0, CliRun.of("history", "push", same.toString(), "--db", db).exitCode());
        CliRun aa = CliRun.of("compare", "--baseline", "db:bert@last-good", "--candidate", same.toString(),
                "--db", db, "--metric", "time_to_train_s");
        assertEquals(0, aa.exitCode(), aa.out() + aa.err());
        assertTrue(aa.out().contains("+0.00%"), aa.out());
        CliRun regression = CliRun.of("compare", "--baseline", "db:bert@last-good?label=team=perf", "--candidate",
                slow.toString(), "--db", db, "--metric", "time_to_train_s");
        assertEquals(3, regression.exitCode(), regression.out() + regression.err());
        assertTrue(regression.err().contains("time_to_train_s[gpus=1] regression (+10.00%"), regression.err());
        CliRun byId = CliRun.of("compare", "--baseline", "db:bert@" + runId(1), "--candidate", slow.toString(),
                "--db", db, "--metric", "time_to_train_s");
        assertEquals(3, byId.exitCode(), byId.out() + byId.err());
        CliRun none = CliRun.of("compare", "--baseline", "db:bert@last-good?label=team=nobody", "--candidate",
                slow.toString(), "--db", db);
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("no good run of 'bert'"), none.err());
    }

    @Test
    void unreachableDatabaseIsOneLineAndExitFour() throws Exception {
        String nowhere = "postgresql://kb@127.0.0.1:" + closedPort() + "/history";
        CliRun list = CliRun.of("history", "list", "--db", nowhere);
        assertEquals(4, list.exitCode());
        assertEquals(1, list.err().lines().count(), list.err());
        assertTrue(list.err().startsWith("error: history database kb@127.0.0.1:"), list.err());
        CliRun trend = CliRun.of("trend", "--db", nowhere, "--benchmark", "bert");
        assertEquals(4, trend.exitCode());
        assertEquals(1, trend.err().lines().count(), trend.err());
    }

    @Test
    void runPushesAtTheEndAndKeepsItsResultsWhenTheDatabaseIsDown(PostgresCluster pg) throws Exception {
        String spec = ROOT.resolve("kubebench-cli/src/test/resources/run/quick.yaml").toString();
        String nowhere = "postgresql://kb@127.0.0.1:" + closedPort() + "/history";
        CliRun down = CliRun.of("run", spec, "--local", "--results-dir", results.toString(), "--db", nowhere);
        assertEquals(4, down.exitCode(), down.out() + down.err());
        assertEquals(1, down.err().lines().filter(l -> l.startsWith("error:")).count(), down.err());
        try (Stream<Path> runs = Files.list(results.resolve("quick"))) {
            Path dir = runs.filter(Files::isDirectory).findFirst().orElseThrow();
            assertTrue(Files.isRegularFile(dir.resolve("trials/0/result.json")));
            assertTrue(Files.isRegularFile(dir.resolve("report.html")));
        }
        String db = pg.createDatabase();
        CliRun up = CliRun.of("run", spec, "--local", "--results-dir", results.toString(), "--db", db,
                "--label", "cluster=local");
        assertEquals(0, up.exitCode(), up.out() + up.err());
        assertTrue(up.out().contains("pushed quick/"), up.out());
        JsonNode runs = JSON.readTree(CliRun.of("history", "list", "--db", db, "-o", "json").out());
        assertEquals(1, runs.size());
        assertEquals("local", runs.get(0).path("labels").path("cluster").asString());
        assertEquals("tests", runs.get(0).path("labels").path("suite").asString());
    }

    @Test
    void pushedRunsHoldNoSecretInAnyRow(PostgresCluster pg) throws Exception {
        String db = pg.createDatabase();
        Path spec = SecretsRunCommandTest.writeSpec(results);
        CliRun run = CliRun.of("run", spec.toString(), "--local", "--secret-env-file",
                SecretsRunCommandTest.writeSecretFile(results).toString(), "--set",
                "parameters.token=" + SecretsRunCommandTest.PARAMETER, "--results-dir",
                results.resolve("results").toString(), "--db", db);
        assertEquals(ExitCodes.WORKLOAD_FAILED, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("pushed leaky/"), run.out());
        StringBuilder rows = new StringBuilder();
        try (java.sql.Connection c = pg.connect(db.substring(db.lastIndexOf('/') + 1));
             java.sql.Statement tables = c.createStatement();
             java.sql.ResultSet names = tables.executeQuery(
                     "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
            List<String> all = new ArrayList<>();
            while (names.next()) {
                all.add(names.getString(1));
            }
            for (String table : all) {
                try (java.sql.Statement st = c.createStatement();
                     java.sql.ResultSet r = st.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    while (r.next()) {
                        for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                            rows.append(table).append(": ").append(r.getString(i)).append('\n');
                        }
                    }
                }
            }
        }
        assertTrue(rows.toString().contains("secretKeyRef"), "the stored benchmark.yaml is there: " + rows);
        for (String secret : SecretsRunCommandTest.SECRETS) {
            assertFalse(rows.toString().contains(secret), secret + " stored in the history:\n" + rows);
        }
    }

    @Test
    void injectionPayloadsRoundTripThroughTheCommands(PostgresCluster pg) throws Exception {
        String db = pg.createDatabase();
        Path dir = HistoryFixtures.run(results, "bench" + PAYLOAD, runId(1), T0, 1.0, 2);
        CliRun push = CliRun.of("history", "push", dir.toString(), "--db", db, "--label", "k" + PAYLOAD + "=v" + PAYLOAD);
        assertEquals(0, push.exitCode(), push.err());
        CliRun list = CliRun.of("history", "list", "--db", db, "-o", "json", "--benchmark", "bench" + PAYLOAD,
                "--label", "k" + PAYLOAD + "=v" + PAYLOAD);
        JsonNode runs = JSON.readTree(list.out());
        assertEquals(1, runs.size(), list.out() + list.err());
        assertEquals("bench" + PAYLOAD, runs.get(0).path("benchmark").asString());
        assertEquals("v" + PAYLOAD, runs.get(0).path("labels").path("k" + PAYLOAD).asString());
        assertEquals(1, JSON.readTree(CliRun.of("history", "list", "--db", db, "-o", "json").out()).size());
    }

    @Test
    void deleteNeedsYesAndReportWritesTheHistoryPage(PostgresCluster pg, @TempDir Path out) throws Exception {
        String db = pg.createDatabase();
        assertEquals(0, CliRun.of(args(history(12, 8, 1.3), "history", "push", "--db", db)).exitCode());
        CliRun report = CliRun.of("report", "--db", db, "--benchmark", "bert", "-o", out.toString());
        assertEquals(0, report.exitCode(), report.err());
        String html = Files.readString(out.resolve("history.html"));
        assertTrue(html.contains("time_to_train_s[gpus=1]"), html);
        assertTrue(html.contains("stroke=\"red\""), "a change point is marked");
        assertTrue(Files.readString(out.resolve("history.csv")).contains(runId(8) + ","));
        CliRun dry = CliRun.of("history", "delete", "--db", db, "--benchmark", "bert");
        assertEquals(2, dry.exitCode());
        assertTrue(dry.out().contains("would delete " + runId(0)), dry.out());
        assertEquals(12, JSON.readTree(CliRun.of("history", "list", "--db", db, "-o", "json").out()).size());
        CliRun delete = CliRun.of("history", "delete", runId(0), runId(1), "--db", db, "--yes");
        assertEquals(0, delete.exitCode(), delete.err());
        assertTrue(delete.out().startsWith("deleted 2 run(s)"), delete.out());
        assertFalse(CliRun.of("history", "list", "--db", db).out().contains(runId(0)));
    }
}
