package dev.kubebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CollectCommandTest {
    private static final Path LOGS = Path.of(System.getProperty("kubebench.shared"), "mlperf-logs");
    private static final String DELL = LOGS.resolve("3.0/Dell/XE9680x8H100-SXM-80GB/resnet").toString();

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
    void dellResnetScoresAndMarksRunOneAborted() {
        Result r = run("collect", DELL);
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("score: 13.4665 minutes"), r.out);
        String runOne = r.out.lines().filter(l -> l.trim().startsWith("result_1.txt")).findFirst().orElseThrow();
        assertTrue(runOne.contains("aborted"), runOne);
        assertTrue(runOne.contains(" no "), runOne);
    }

    @Test
    void jsonHasScoreAndRunsForEveryScoredDirectory() throws Exception {
        Result r = run("collect", "-o", "json", LOGS.toString());
        assertEquals(0, r.code, r.err);
        JsonNode root = JsonMapper.builder().build().readTree(r.out);
        JsonNode dirs = root.get("directories");
        assertEquals(4, dirs.size());
        double[] expected = {13.46649958773253, 0.89813125, 30.45067429108796, 122.07547777777778};
        String[] benchmarks = {"resnet", "bert", "llama2_70b_lora", "resnet"};
        for (int i = 0; i < 4; i++) {
            JsonNode d = dirs.get(i);
            assertEquals(benchmarks[i], d.get("benchmark").asString());
            assertEquals(expected[i], d.get("score_minutes").asDouble(), 1e-9, d.get("directory").asString());
        }
        JsonNode run1 = dirs.get(0).get("runs").get(1);
        assertEquals("result_1.txt", run1.get("file").asString());
        assertEquals("aborted", run1.get("status").asString());
        assertFalse(run1.get("valid").asBoolean());
        assertTrue(run1.get("minutes").isNumber());
        JsonNode killed = dirs.get(3).get("runs").get(0);
        assertEquals("killed", killed.get("status").asString());
        assertTrue(killed.get("minutes").isNull());
    }

    @Test
    void csvHasOneRowPerRun() {
        Result r = run("collect", "-o", "csv", DELL);
        assertEquals(0, r.code, r.err);
        assertEquals(6, r.out.split("\r\n").length);
        assertTrue(r.out.startsWith("directory,benchmark,org,platform,file,status,valid,minutes"));
    }

    @Test
    void csvBytesForADirectoryAndSingleFiles(@TempDir Path tmp) throws IOException {
        // A file name that needs quoting: a comma and a quote.
        Path odd = tmp.resolve("run, \"b\".txt");
        Files.copy(Path.of(DELL, "result_1.txt"), odd);
        Result r = run("collect", "-o", "csv", "--benchmark", "resnet", DELL, DELL + "/result_0.txt", odd.toString());
        assertEquals(0, r.code, r.err);
        String expected = String.join("\r\n",
                "directory,benchmark,org,platform,file,status,valid,minutes,target_reached,throughput_samples_per_s,"
                        + "score_minutes",
                "DELL,resnet,Dell,1xXE9680x8H100-SXM-80GB,result_0.txt,success,true,13.41105,true,56053.22597028921,"
                        + "13.46649958773253",
                "DELL,resnet,Dell,1xXE9680x8H100-SXM-80GB,result_1.txt,aborted,false,14.16915,false,56067.748086377906,"
                        + "13.46649958773253",
                "DELL,resnet,Dell,1xXE9680x8H100-SXM-80GB,result_2.txt,success,true,13.408583333333333,true,"
                        + "56060.10133494146,13.46649958773253",
                "DELL,resnet,Dell,1xXE9680x8H100-SXM-80GB,result_3.txt,success,true,13.409966666666667,true,"
                        + "56060.54262320424,13.46649958773253",
                "DELL,resnet,Dell,1xXE9680x8H100-SXM-80GB,result_4.txt,success,true,13.4077,true,56063.88467473721,"
                        + "13.46649958773253",
                ",resnet,,,DELL/result_0.txt,success,true,13.41105,true,56053.22597028921,",
                ",resnet,,,\"TMP/run, \"\"b\"\".txt\",aborted,false,14.16915,false,56067.748086377906,") + "\r\n";
        assertEquals(expected, r.out.replace(DELL, "DELL").replace(tmp.toString(), "TMP"));
    }

    /** A copy of the Dell resnet directory whose logs name {@code org} as their submission_org. */
    private static Path dellWithOrg(Path tmp, String org) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("resnet"));
        try (var files = Files.list(Path.of(DELL))) {
            for (Path f : files.toList()) {
                String text = Files.readString(f).replace("\"key\": \"submission_org\", \"value\": \"Dell\"",
                        "\"key\": \"submission_org\", \"value\": " + JsonMapper.builder().build()
                                .writeValueAsString(org));
                Files.writeString(dir.resolve(f.getFileName()), text);
            }
        }
        return dir;
    }

    @Test
    void csvNeutralizesASubmissionOrgThatStartsLikeAFormula(@TempDir Path tmp) throws IOException {
        Path dir = dellWithOrg(tmp, "=HYPERLINK(\"http://evil.example\",\"Dell\")");
        Result r = run("collect", "-o", "csv", dir.toString());
        assertEquals(0, r.code, r.err);
        String row = r.out.split("\r\n")[1];
        assertTrue(row.startsWith(dir + ",resnet,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Dell\"\")\","), row);
    }

    @Test
    void textEscapesControlCharactersFromTheLogs(@TempDir Path tmp) throws IOException {
        Path dir = dellWithOrg(tmp, "Dell\u001b]0;pwned\u0007\u001b[2J\nfake line");
        Result r = run("collect", dir.toString());
        assertEquals(0, r.code, r.err);
        assertFalse(r.out.contains("\u001b") || r.out.contains("\u0007"), r.out);
        assertTrue(r.out.contains("(resnet, Dell\\e]0;pwned\\x07\\e[2J\\nfake line, "), r.out);
    }

    @Test
    void singleFileAndBadPaths() {
        Result r = run("collect", DELL + "/result_0.txt");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("resnet") && r.out.contains("success"), r.out);
        Result missing = run("collect", "/nonexistent/x");
        assertEquals(2, missing.code);
        assertEquals("error: /nonexistent/x: no such file or directory", missing.err.trim());
        Result unknown = run("collect", "--benchmark", "nope", DELL + "/result_0.txt");
        assertEquals(2, unknown.code);
        assertTrue(unknown.err.contains("--benchmark: unknown MLPerf benchmark 'nope'"), unknown.err);
    }
}
