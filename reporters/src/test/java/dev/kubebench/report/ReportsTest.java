package dev.kubebench.report;

import dev.kubebench.core.error.KubebenchException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.collector.store.RunDirectory;
import dev.kubebench.core.timeline.TimelineEvent;
import dev.kubebench.report.csv.CsvReporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class ReportsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    /** Writes the sweep fixture as a run directory, the way the runner and collector leave it. */
    private Path sweepRunDir() throws IOException {
        RunReport sweep = Fixtures.sweep();
        Path dir = tmp.resolve("resnet-sweep").resolve(Fixtures.RUN_ID);
        RunDirectory rd = RunDirectory.of(dir);
        Files.createDirectories(dir);
        Files.writeString(rd.benchmarkYaml(), sweep.specYaml());
        for (TrialReport t : sweep.trials()) {
            rd.createTrial(t.trial());
            rd.writeResult(t.result());
            List<String> lines = new ArrayList<>();
            for (TimelineEvent e : t.events()) {
                Map<String, String> line = new LinkedHashMap<>();
                line.put("time", e.time().toString());
                line.put("event", e.kind().jsonName());
                if (e.pod() != null) {
                    line.put("pod", e.pod());
                }
                if (e.detail() != null) {
                    line.put("detail", e.detail());
                }
                lines.add(JSON.writeValueAsString(line));
            }
            Files.write(rd.events(t.trial()), lines, StandardCharsets.UTF_8);
        }
        return dir;
    }

    @Test
    void loadsARunDirectory() throws IOException {
        RunReport loaded = RunReport.load(sweepRunDir());
        RunReport sweep = Fixtures.sweep();
        assertEquals("resnet-sweep", loaded.benchmark());
        assertEquals(Fixtures.RUN_ID, loaded.runId());
        assertEquals(sweep.specYaml(), loaded.specYaml());
        assertEquals(sweep.trials().size(), loaded.trials().size());
        for (int i = 0; i < sweep.trials().size(); i++) {
            assertEquals(sweep.trials().get(i).events(), loaded.trials().get(i).events());
            assertEquals(sweep.trials().get(i).result().status(), loaded.trials().get(i).result().status());
        }
        // the CSV of a loaded run equals the CSV of the same run in memory
        assertEquals(Golden.render(new CsvReporter(), sweep), Golden.render(new CsvReporter(), loaded));
    }

    @Test
    void writesEveryReportAtomically() throws IOException {
        Path dir = sweepRunDir();
        List<Path> written = Reports.writeAll(dir);
        assertEquals(List.of("results.csv", "points.csv", "summary.md", "junit.xml", "report.html"),
                written.stream().map(p -> p.getFileName().toString()).toList());
        for (Path p : written) {
            assertTrue(Files.size(p) > 0, p.toString());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp files left");
        }
    }

    @Test
    void gpuTelemetryOfATrialIsLoadedAndChartedAndItsAbsenceIsNoError() throws IOException {
        Path dir = sweepRunDir();
        Files.writeString(dir.resolve("trials/0/telemetry.csv"),
                "timestamp_ms,node,pod,gpu,gpu_util_pct,gpu_mem_used_mib,gpu_power_w\n"
                        + "1796119200000,node-a,resnet-0-master-0,0,87,30512,690\n"
                        + "1796119201000,node-a,resnet-0-master-0,0,91,30512,700\n");
        RunReport loaded = RunReport.load(dir);
        assertEquals(2, loaded.trials().get(0).gpuUtil().size());
        assertEquals(List.of(), loaded.trials().get(1).gpuUtil());
        Reports.writeAll(dir);
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("id=\"chart-gpu-util-0\""), "trial 0 has its GPU chart");
        assertFalse(html.contains("chart-gpu-util-1"), "trial 1 has no telemetry.csv, so no chart");
    }

    @Test
    void notARunDirectory() {
        KubebenchException e = assertThrows(KubebenchException.class, () -> RunReport.load(tmp));
        assertTrue(e.getMessage().contains("not a run directory"), e.getMessage());
    }
}
