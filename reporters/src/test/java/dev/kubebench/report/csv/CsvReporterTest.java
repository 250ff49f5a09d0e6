package dev.kubebench.report.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.report.Fixtures;
import dev.kubebench.report.Golden;
import dev.kubebench.report.RunReport;
import dev.kubebench.core.metric.MetricNames;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvReporterTest {
    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
    }

    @Test
    void resultsCsvMatchesGolden() throws IOException {
        Golden.assertMatches("results.csv", Golden.render(new CsvReporter(), Fixtures.sweep()));
    }

    @Test
    void pointsCsvMatchesGolden() throws IOException {
        Golden.assertMatches("points.csv", Golden.render(new PointsCsvReporter(), Fixtures.sweep()));
    }

    @Test
    void resultsCsvHasTheFixedSchemaThenASortedTail() throws IOException {
        List<CSVRecord> rows = parse(Golden.render(new CsvReporter(), Fixtures.sweep()));
        List<String> header = rows.get(0).toList();
        List<String> fixed = new ArrayList<>(CsvReporter.HEAD);
        fixed.addAll(MetricNames.STANDARD);
        fixed.addAll(MetricNames.TELEMETRY);
        assertEquals(fixed, header.subList(0, fixed.size()));
        assertEquals(List.of("param.batchSize", "param.workers", "epochs", "loss_final", "label.backend",
                "label.gpus", "label.node_pool"), header.subList(fixed.size(), header.size()),
                "telemetry metrics are fixed columns, not in the tail");
        assertEquals(7, rows.size(), "header + one row per trial");
        for (CSVRecord r : rows.subList(1, rows.size())) {
            assertEquals(header.size(), r.size());
            assertEquals(Integer.toString(CsvSchema.VERSION), r.get(0));
        }
    }

    @Test
    void telemetryColumnsFollowTheStandardOnesAndAreEmptyWhenNotMeasured() throws IOException {
        List<CSVRecord> rows = parse(Golden.render(new CsvReporter(), Fixtures.sweep()));
        List<String> header = rows.get(0).toList();
        assertEquals(CsvReporter.HEAD.size() + MetricNames.STANDARD.size(), header.indexOf("gpu_util_mean_pct"));
        assertEquals("2", rows.get(1).get(0), "schema version 2 has the telemetry columns");
        assertEquals("90", rows.get(1).get(header.indexOf("gpu_util_mean_pct")));
        assertEquals("5.6", rows.get(1).get(header.indexOf("energy_per_sample_j")));
        assertEquals("", rows.get(1).get(header.indexOf("rss_peak_mib")), "not measured: empty");
        assertEquals("", rows.get(6).get(header.indexOf("gpu_util_mean_pct")), "unschedulable trial: none");
    }

    @Test
    void reasonsWithCommasQuotesAndNewlinesRoundTrip() throws IOException {
        RunReport report = Fixtures.sweep();
        String csv = Golden.render(new CsvReporter(), report);
        assertTrue(csv.contains("\r\n"), "RFC 4180 record separator is CRLF");
        List<CSVRecord> rows = parse(csv);
        int col = rows.get(0).toList().indexOf("failure_reason");
        assertEquals(report.trials().get(3).result().failureReason(), rows.get(4).get(col));
        int thr = rows.get(0).toList().indexOf("throughput_samples_per_s");
        assertEquals("", rows.get(6).get(thr), "an unmeasured metric is an empty cell");
        assertEquals("1000", rows.get(1).get(thr), "numbers are plain decimals");
    }

    @Test
    void pointsCsvSummarisesSucceededTrialsPerPoint() throws IOException {
        List<CSVRecord> rows = parse(Golden.render(new PointsCsvReporter(), Fixtures.sweep()));
        List<String> header = rows.get(0).toList();
        assertEquals(PointsCsvReporter.HEAD, header.subList(0, PointsCsvReporter.HEAD.size()));
        assertEquals(4, rows.size(), "header + 3 points");
        CSVRecord w2 = rows.get(2);
        assertEquals("workers=2;batchSize=256", w2.get(header.indexOf("point")));
        // trial 3 (workers=2, rep 1) failed: only rep 0 counts
        assertEquals("1", w2.get(header.indexOf("throughput_samples_per_s_n")));
        assertEquals("1900", w2.get(header.indexOf("throughput_samples_per_s_median")));
        CSVRecord w1 = rows.get(1);
        assertEquals("2", w1.get(header.indexOf("throughput_samples_per_s_n")));
        assertEquals("1005", w1.get(header.indexOf("throughput_samples_per_s_median")));
        assertEquals("1000", w1.get(header.indexOf("throughput_samples_per_s_min")));
        assertEquals("1010", w1.get(header.indexOf("throughput_samples_per_s_max")));
        assertEquals("1", rows.get(3).get(header.indexOf("failed")));
    }

    @Test
    void hostileStringsStayInsideTheirCells() throws IOException {
        RunReport report = Fixtures.hostile();
        List<CSVRecord> rows = parse(Golden.render(new CsvReporter(), report));
        List<String> header = rows.get(0).toList();
        assertTrue(header.contains("label.x\"><script>"));
        assertEquals(3, rows.size());
        assertEquals(report.trials().get(1).result().failureReason(),
                rows.get(2).get(header.indexOf("failure_reason")));
    }
}
