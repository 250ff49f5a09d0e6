package dev.kubebench.report.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.report.Fixtures;
import dev.kubebench.report.GateCheck;
import dev.kubebench.report.Golden;
import dev.kubebench.report.RunReport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import dev.kubebench.collector.result.MeasurementKind;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.core.trial.TrialState;
import dev.kubebench.report.TrialReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitReporterTest {
    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static RunReport withGates() {
        return Fixtures.sweep().withGates(List.of(
                new GateCheck("time_to_train_s max regression 5%", true, "-1.2% (p=0.40)"),
                new GateCheck("throughput_samples_per_s min 900", false, "median 850 < 900")));
    }

    @Test
    void matchesGolden() throws Exception {
        Golden.assertMatches("junit.xml", Golden.render(new JUnitReporter(), withGates()));
    }

    @Test
    void oneTestcasePerTrialPlusGatesWithStatusMapping() throws Exception {
        Document doc = parse(Golden.render(new JUnitReporter(), withGates()));
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals("8", suite.getAttribute("tests"));
        assertEquals("2", suite.getAttribute("failures"), "failed trial 3 and the failed gate");
        assertEquals("1", suite.getAttribute("errors"), "unschedulable trial 5");
        NodeList failures = doc.getElementsByTagName("failure");
        assertEquals(2, failures.getLength());
        Element f = (Element) failures.item(0);
        assertEquals(withGates().trials().get(3).result().failureReason(), f.getAttribute("message"));
        assertEquals("failed", f.getAttribute("type"));
        assertEquals("gate", ((Element) failures.item(1)).getAttribute("type"));
        Element gateCase = (Element) failures.item(1).getParentNode();
        assertEquals("kubebench.resnet-sweep.gates", gateCase.getAttribute("classname"));
    }

    @Test
    void hostileStringsGiveWellFormedXml() throws Exception {
        RunReport report = Fixtures.hostile();
        Document doc = parse(Golden.render(new JUnitReporter(), report));
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        String expected = report.trials().get(1).result().failureReason().replace("\u0001", "\\x01");
        assertEquals(expected, failure.getAttribute("message"));
        assertEquals(expected, failure.getTextContent());
        assertEquals(0, doc.getElementsByTagName("script").getLength());
        assertTrue(((Element) doc.getElementsByTagName("testsuite").item(0)).getAttribute("name")
                .endsWith(Fixtures.XSS));
    }

    private static RunReport timed(long... millis) {
        List<TrialReport> trials = new ArrayList<>();
        for (int i = 0; i < millis.length; i++) {
            Instant start = Fixtures.T0.plusSeconds(i * 10L);
            RunResult r = new RunResult(RunResult.SCHEMA_VERSION,
                    new RunResult.Identity("b", Fixtures.RUN_ID, i, Map.of(), i, "custom/x"),
                    new RunResult.Outcome(MeasurementKind.THROUGHPUT, TrialState.SUCCEEDED, null, null, start,
                            start.plusMillis(millis[i])),
                    new RunResult.Measurements(Map.of(), List.of(), List.of(), null), Map.of(), List.of());
            trials.add(new TrialReport(r, List.of()));
        }
        return new RunReport("b", Fixtures.RUN_ID, "", trials, List.of());
    }

    @Test
    void timesHaveExactlyThreeDecimalsAndTheTotalHasNoFloatingPointTail() throws Exception {
        // 0.1 + 0.2 in doubles is 0.30000000000000004
        Document doc = parse(Golden.render(new JUnitReporter(), timed(100, 200)));
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals("0.300", suite.getAttribute("time"));
        assertEquals("0.300", ((Element) doc.getElementsByTagName("testsuites").item(0)).getAttribute("time"));
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals("0.100", ((Element) cases.item(0)).getAttribute("time"));
        assertEquals("0.200", ((Element) cases.item(1)).getAttribute("time"));
        assertEquals("2.156", JUnitReporter.seconds(2156));
    }

    @Test
    void controlCharactersFromLogsAreEscapedNotRaw() throws Exception {
        RunReport report = Fixtures.sweep();
        TrialReport t = report.trials().get(3);
        RunResult r = t.result();
        RunResult hostile = new RunResult(r.schemaVersion(), r.identity(), new RunResult.Outcome(r.measurement(),
                r.status(), "exit 1: \u001b]0;pwned\u0007\u001b[31mred\u009b2J \u202eevil\u007f", r.targetReached(),
                r.startedAt(), r.finishedAt()), r.measurements(), r.labels(), r.warnings());
        List<TrialReport> trials = new ArrayList<>(report.trials());
        trials.set(3, new TrialReport(hostile, t.events()));
        String xml = Golden.render(new JUnitReporter(), new RunReport(report.benchmark(), report.runId(),
                report.specYaml(), trials, List.of()));
        for (char c : new char[] {0x1b, 0x07, 0x9b, 0x7f, 0x202e}) {
            assertEquals(-1, xml.indexOf(c), "raw U+" + Integer.toHexString(c));
        }
        Element failure = (Element) parse(xml).getElementsByTagName("failure").item(0);
        String expected = "exit 1: \\e]0;pwned\\x07\\e[31mred\\u009b2J \\u202eevil\\x7f";
        assertEquals(expected, failure.getAttribute("message"));
        assertEquals(expected, failure.getTextContent());
    }
}
