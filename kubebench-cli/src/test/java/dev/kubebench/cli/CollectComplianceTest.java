package dev.kubebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code collect} with the compliance check, on the collector's own fixtures (see their README). */
class CollectComplianceTest {
    private static final Path FIXTURES = Path.of("../result-collector/src/test/resources/mlperf-compliance");
    private static final String MISSING = FIXTURES.resolve("missing-hyperparameter/4.0/Fixture/fixture-8xgpu/bert")
            .toString();

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        CommandLine cl = Main.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void aDirectoryMissingARequiredHyperparameterIsRefusedWithTheCheckersReason() throws Exception {
        Result r = run("collect", "-o", "json", MISSING);
        assertEquals(0, r.code, r.err);
        JsonNode d = JsonMapper.builder().build().readTree(r.out).get("directories").get(0);
        assertTrue(d.get("score_minutes").isNull());
        assertEquals("10 of 10 runs failed; bert allows at most 1", d.get("no_score_reason").asString());
        assertEquals(0, d.get("compliant_runs").asInt());
        assertEquals("4.0.0", d.get("ruleset").asString());
        JsonNode run = d.get("runs").get(0);
        assertFalse(run.get("compliant").asBoolean());
        assertFalse(run.get("valid").asBoolean());
        assertEquals("Required EXACTLY_ONE occurrence of 'opt_lamb_epsilon' but found 0",
                run.get("compliance_error").asString());
        Result text = run("collect", MISSING);
        assertTrue(text.out.contains("compliance: 0 of 10 runs compliant (rules 4.0.0)"), text.out);
        assertTrue(text.out.contains("not compliant: Required EXACTLY_ONE occurrence of 'opt_lamb_epsilon'"), text.out);
    }

    @Test
    void noCheckScoresAsBeforeAndRulesetOverrides() throws Exception {
        Result r = run("collect", "--no-check", "-o", "json", MISSING);
        assertEquals(0, r.code, r.err);
        JsonNode d = JsonMapper.builder().build().readTree(r.out).get("directories").get(0);
        assertEquals(11.4625, d.get("score_minutes").asDouble(), 1e-9);
        assertTrue(d.get("compliant_runs").isNull());
        assertTrue(d.get("runs").get(0).get("compliant").isNull());
        Result other = run("collect", "--ruleset", "3.0.0", "-o", "json", MISSING);
        assertEquals("3.0.0", JsonMapper.builder().build().readTree(other.out).get("directories").get(0)
                .get("ruleset").asString());
        Result bad = run("collect", "--ruleset", "9.9", MISSING);
        assertEquals(2, bad.code);
        assertTrue(bad.err.startsWith("error: --ruleset: no MLPerf Training rules for '9.9'"), bad.err);
    }

    @Test
    void aMixedFolderScoresTheGoodOnesAndNamesEachBrokenOne() throws Exception {
        Result r = run("collect", "-o", "json", FIXTURES.resolve("mixed").toString());
        assertEquals(2, r.code, r.err);
        JsonNode root = JsonMapper.builder().build().readTree(r.out);
        assertEquals(1, root.get("directories").size());
        assertEquals(30.583333333333332, root.get("directories").get(0).get("score_minutes").asDouble(), 1e-9);
        assertEquals(1, root.get("errors").size());
        assertTrue(root.get("errors").get(0).get("error").asString().contains("unknown MLPerf benchmark 'nonsense'"));
        assertEquals(1, root.get("skipped").size());
        assertTrue(r.err.contains("warning: ") && r.err.contains("skipped: no result_*.txt run logs"), r.err);
        assertTrue(r.err.contains("error: ") && r.err.contains("unknown MLPerf benchmark 'nonsense'"), r.err);
    }

    @Test
    void longResultFileNamesAreScored() {
        Result r = run("collect", FIXTURES.resolve("long-names").toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("score: 11.4625 minutes"), r.out);
        assertTrue(r.out.contains("compliance: 10 of 10 runs compliant (rules 4.0.0)"), r.out);
    }
}
