package dev.kubebench.collector.mlperf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.catalog.mlperf.MlperfCatalog;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 items 1, 4 and 9: what a directory of run logs holds besides plain logs (a directory, a dangling link or
 * a device named result_N.txt, the same run twice, a run number beyond any integer type, a run whose times are
 * impossible) is said, never dropped silently, and never an exception.
 */
class RunLogFilesTest {

    private static String ev(long t, String key, String value, String metadata) {
        return ":::MLLOG {\"namespace\": \"\", \"time_ms\": " + t + ", \"event_type\": \"POINT_IN_TIME\", \"key\": \""
                + key + "\", \"value\": " + value + ", \"metadata\": {" + metadata + "}}\n";
    }

    /** A resnet run that reached its target in {@code minutes}; a negative value logs run_stop before run_start. */
    private static String resnetRun(double minutes) {
        long start = 1_700_000_000_000L;
        long stop = start + Math.round(minutes * 60_000);
        return ev(start - 60_000, "init_start", "null", "")
                + ev(start - 1, "init_stop", "null", "")
                + ev(start, "run_start", "null", "")
                + ev(Math.max(start, stop) - 1, "eval_accuracy", "0.76", "\"epoch_num\": 40")
                + ev(stop, "run_stop", "null", "\"status\": \"success\"");
    }

    private static Path resnetDir(Path tmp) throws IOException {
        Path dir = tmp.resolve("Org/system/resnet");
        Files.createDirectories(dir);
        return dir;
    }

    @Test
    void oddFilesAreNamedAndTheSameRunCountsOnce(@TempDir Path tmp) throws IOException {
        Path dir = resnetDir(tmp);
        for (int i = 0; i < 4; i++) {
            Files.writeString(dir.resolve("result_" + i + ".txt"), resnetRun(10 + i));
        }
        // the same run compressed, with another time: the plain log counts, as the MLCommons glob reads only it
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("result_0.txt.gz")))) {
            gz.write(resnetRun(99).getBytes(StandardCharsets.UTF_8));
        }
        // a run number no integer type holds (was a NumberFormatException)
        Files.writeString(dir.resolve("result_99999999999999999999.txt"), resnetRun(14));
        Files.createDirectory(dir.resolve("result_5.txt"));
        Files.createSymbolicLink(dir.resolve("result_6.txt"), dir.resolve("gone.txt"));
        Files.createSymbolicLink(dir.resolve("result_7.txt"), Path.of("/dev/null"));

        List<Path> files = SubmissionDirectory.resultFiles(dir);
        assertEquals(List.of("result_0.txt", "result_1.txt", "result_2.txt", "result_3.txt",
                "result_99999999999999999999.txt"), files.stream().map(p -> p.getFileName().toString()).toList());

        MlperfScore s = SubmissionDirectory.score(dir, MlperfCatalog.standard());
        assertEquals(5, s.runs().size());
        assertEquals(10.0, s.runs().get(0).minutes(), 1e-9);
        assertEquals(0, s.failedRuns());
        assertEquals(12.0, s.scoreMinutes(), 1e-9); // drop 10 and 14, mean of 11, 12, 13
        List<String> w = s.warnings();
        assertTrue(w.contains("result_0.txt.gz: not read: the same run as result_0.txt, which counts (a run is one "
                + "log)"), w.toString());
        assertTrue(w.contains("result_5.txt: not read: a directory"), w.toString());
        assertTrue(w.contains("result_6.txt: not read: a symbolic link to a missing file"), w.toString());
        assertTrue(w.contains("result_7.txt: not read: not a regular file (a device, pipe or socket)"),
                w.toString());
        assertFalse(w.stream().anyMatch(l -> l.contains("needs 5 runs")), w.toString());
    }

    @Test
    void aDirectoryWithOnlyOddFilesSaysWhatEachIs(@TempDir Path tmp) throws IOException {
        Path dir = resnetDir(tmp);
        Files.createDirectory(dir.resolve("result_0.txt"));
        Files.createSymbolicLink(dir.resolve("result_1.txt"), Path.of("/dev/null"));
        SubmissionScan scan = SubmissionScan.of(tmp);
        assertEquals(List.of(), scan.directories());
        assertEquals(List.of(dir + ": skipped: no result_*.txt run logs (found result_0.txt: a directory, "
                + "result_1.txt: not a regular file (a device, pipe or socket))"), scan.skipped());
    }

    @Test
    void aRunWhoseStopPrecedesItsStartCountsAsFailed(@TempDir Path tmp) throws IOException {
        Path dir = resnetDir(tmp);
        double[] minutes = {10, 11, -1, 12, 13};
        for (int i = 0; i < minutes.length; i++) {
            Files.writeString(dir.resolve("result_" + i + ".txt"), resnetRun(minutes[i]));
        }
        MlperfScore s = SubmissionDirectory.score(dir, MlperfCatalog.standard());
        ScoredRun bad = s.runs().get(2);
        assertFalse(bad.valid());
        assertTrue(Double.isNaN(bad.minutes()));
        assertEquals("run_stop (line 5) is 60 s before run_start (line 3): not a duration", bad.invalidReason());
        assertEquals(1, s.failedRuns());
        // the failed run is one of the dropped slowest: drop the fastest (10), average 11, 12, 13
        assertEquals(12.0, s.scoreMinutes(), 1e-9);
    }
}
