package dev.kubebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12 items 1, 4 and 9 through {@code collect} and {@code compare}: impossible times are invalid runs with the
 * reason shown, a corrupt .gz log is one line naming the file with exit 2, odd result_N files and a run on both
 * sides of a comparison are said.
 */
class CollectOddInputTest {
    private static final Path DELL = Path.of(System.getProperty("kubebench.shared"),
            "mlperf-logs/3.0/Dell/XE9680x8H100-SXM-80GB/resnet");

    private static String ev(long t, String key, String value, String metadata) {
        return ":::MLLOG {\"namespace\": \"\", \"time_ms\": " + t + ", \"event_type\": \"POINT_IN_TIME\", \"key\": \""
                + key + "\", \"value\": " + value + ", \"metadata\": {" + metadata + "}}\n";
    }

    /** A resnet run that reached its target; run_stop 1 minute before run_start when {@code backwards}. */
    private static String resnetRun(double minutes, boolean backwards) {
        long start = 1_700_000_000_000L;
        long stop = backwards ? start - 60_000 : start + Math.round(minutes * 60_000);
        return ev(start, "run_start", "null", "")
                + ev(Math.max(start, stop) - 1, "eval_accuracy", "0.76", "\"epoch_num\": 40")
                + ev(stop, "run_stop", "null", "\"status\": \"success\"");
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static Path resnet(Path tmp, boolean oneBackwards) throws IOException {
        Path dir = tmp.resolve("Org/system/resnet");
        Files.createDirectories(dir);
        for (int i = 0; i < 5; i++) {
            Files.writeString(dir.resolve("result_" + i + ".txt"), resnetRun(10 + i, oneBackwards && i == 2));
        }
        return dir;
    }

    @Test
    void runStopBeforeRunStartIsAnInvalidRunWithItsReason(@TempDir Path tmp) throws IOException {
        Path dir = resnet(tmp, true);
        CliRun r = CliRun.of("collect", "--no-check", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        String run2 = r.out().lines().filter(l -> l.trim().startsWith("result_2.txt")).findFirst().orElseThrow();
        assertTrue(run2.contains(" no ") && run2.contains("run_stop (line 3) is 60 s before run_start (line 1): not "
                + "a duration"), run2);
        assertFalse(run2.contains("-1.0000"), run2);
        assertTrue(r.out().contains("score: 12.6667 minutes (olympic mean 12.6667 of 3 runs, 1 failed)"), r.out());

        CliRun json = CliRun.of("collect", "--no-check", "-o", "json", dir.toString());
        JsonNode bad = JsonMapper.builder().build().readTree(json.out()).get("directories").get(0).get("runs").get(2);
        assertTrue(bad.get("minutes").isNull(), bad.toString());
        assertFalse(bad.get("valid").asBoolean());
        assertEquals("run_stop (line 3) is 60 s before run_start (line 1): not a duration", bad.get("reason").asString());
    }

    @Test
    void truncatedGzipIsOneLineNamingTheFileAndExitTwo(@TempDir Path tmp) throws IOException {
        Path dir = resnet(tmp, false);
        StringBuilder big = new StringBuilder(resnetRun(10, false));
        for (int i = 0; i < 3000; i++) {
            big.append(ev(1_700_000_000_000L + i, "step_time_ms", Integer.toString(i % 89), ""));
        }
        byte[] whole = gzip(big.toString());
        Path gz = dir.resolve("result_5.txt.gz");
        Files.write(gz, Arrays.copyOf(whole, whole.length / 2));

        CliRun single = CliRun.of("collect", gz.toString());
        assertEquals(2, single.exitCode(), single.err());
        assertEquals("error: " + gz + ": truncated gzip data (the file ends inside the compressed stream)",
                single.err().trim());

        CliRun directory = CliRun.of("collect", "--no-check", dir.toString());
        assertEquals(2, directory.exitCode(), directory.err());
        assertEquals(List.of("error: " + gz + ": truncated gzip data (the file ends inside the compressed stream)"),
                directory.err().lines().toList());
    }

    @Test
    void oddResultFilesAreWarnedAbout(@TempDir Path tmp) throws IOException {
        Path dir = resnet(tmp, false);
        Files.write(dir.resolve("result_0.txt.gz"), gzip(resnetRun(99, false)));
        Files.createDirectory(dir.resolve("result_5.txt"));
        Files.createSymbolicLink(dir.resolve("result_6.txt"), dir.resolve("missing"));
        CliRun r = CliRun.of("collect", "--no-check", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("  warning: result_0.txt.gz: not read: the same run as result_0.txt, which counts "
                + "(a run is one log)"), r.out());
        assertTrue(r.out().contains("  warning: result_5.txt: not read: a directory"), r.out());
        assertTrue(r.out().contains("  warning: result_6.txt: not read: a symbolic link to a missing file"), r.out());
        assertTrue(r.out().contains("score: 12.0000 minutes"), r.out());
    }

    @Test
    void compareWithTheSamePathOnBothSidesWarns() {
        CliRun r = CliRun.of("compare", "--baseline", DELL.toString(), "--candidate", DELL + "/",
                "--metric", "time_to_train_s");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("warning: " + DELL + " is both baseline and candidate: a run compared with "
                + "itself shows no change"), r.err());
    }

    @Test
    void compareOfDifferentRunsDoesNotWarn(@TempDir Path tmp) throws IOException {
        CliRun r = CliRun.of("compare", "--baseline", DELL.toString(), "--candidate",
                resnet(tmp, false).toString(), "--metric", "time_to_train_s");
        assertFalse(r.err().contains("warning:"), r.err());
    }
}
