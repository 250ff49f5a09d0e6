package dev.kubebench.report;

import dev.kubebench.report.analysis.compare.CompareSettings;
import dev.kubebench.report.analysis.compare.Comparer;
import dev.kubebench.report.analysis.compare.ComparisonReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.report.analysis.samples.SampleSet;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ComparisonRenderersTest {
    private static final double[] BASE = {100.2, 99.1, 101.3, 100.7, 98.9, 100.0, 99.6, 101.1, 100.4, 99.8};

    private static ComparisonReport report() {
        double[] slower = new double[BASE.length];
        for (int i = 0; i < BASE.length; i++) {
            slower[i] = BASE[i] * 1.1;
        }
        return new Comparer(CompareSettings.defaults()).compare(
                List.of(new SampleSet("time_to_train_s", "", BASE, null),
                        new SampleSet("throughput_samples_per_s", "", BASE, null),
                        new SampleSet("init_time_s", "", new double[] {1, 2}, null)),
                List.of(new SampleSet("time_to_train_s", "", slower, null),
                        new SampleSet("throughput_samples_per_s", "", BASE, null),
                        new SampleSet("init_time_s", "", new double[] {1, 2, 3, 4}, null)));
    }

    @Test
    void junitHasOneTestcasePerRowAndARegressionIsAFailure() throws Exception {
        String xml = CompareFormat.JUNIT.renderer().render(report());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element suite = doc.getDocumentElement();
        assertEquals("3", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("skipped"));
        assertEquals(1, doc.getElementsByTagName("failure").getLength());
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertTrue(failure.getAttribute("message").startsWith("time_to_train_s: regression"),
                failure.getAttribute("message"));
    }

    @Test
    void jsonCarriesEveryRowWithNullForMissingNumbers() {
        JsonNode root = JsonMapper.builder().build().readTree(CompareFormat.JSON.renderer().render(report()));
        assertEquals(3, root.get("comparisons").size());
        JsonNode first = root.get("comparisons").get(0);
        assertEquals("regression", first.get("verdict").asString());
        assertEquals(10.0, first.get("changePercent").asDouble(), 1e-9);
        assertEquals("mann-whitney-exact", first.get("test").asString());
        JsonNode insufficient = root.get("comparisons").get(2);
        assertTrue(insufficient.get("pValue").isNull());
        assertTrue(insufficient.get("baseline").get("ciLow").isNull());
    }

    @Test
    void textAndMarkdownShowVerdicts() {
        String text = CompareFormat.TEXT.renderer().render(report());
        assertTrue(text.contains("time_to_train_s (lower is better)"), text);
        assertTrue(text.contains("+10.00%"), text);
        assertTrue(text.contains("regression"), text);
        assertTrue(text.contains("need 2 more baseline runs"), text);
        String md = CompareFormat.MARKDOWN.renderer().render(report());
        assertTrue(md.startsWith("### kubebench compare: 1 regression, 0 improvements"), md);
        assertTrue(md.contains("| time\\_to\\_train\\_s | - |"), md);
    }

    @Test
    void controlCharactersInPointsAreEscapedInEveryFormatAndTheXmlStaysWellFormed() throws Exception {
        String point = "model=a\u001b[2J\u0001\nb @octocat";
        ComparisonReport hostile = new Comparer(CompareSettings.defaults()).compare(
                List.of(new SampleSet("time_to_train_s", point, BASE, null)),
                List.of(new SampleSet("time_to_train_s", point, BASE, null)));
        String xml = CompareFormat.JUNIT.renderer().render(hostile);
        Element testcase = (Element) DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getElementsByTagName("testcase").item(0);
        assertTrue(testcase.getAttribute("name").contains("model=a\\e[2J\\x01\\nb"), testcase.getAttribute("name"));
        for (CompareFormat f : List.of(CompareFormat.TEXT, CompareFormat.MARKDOWN, CompareFormat.JUNIT)) {
            String out = f.renderer().render(hostile);
            for (char c : new char[] {0x1b, 0x01}) {
                assertEquals(-1, out.indexOf(c), f + ": raw U+" + Integer.toHexString(c));
            }
        }
        assertTrue(CompareFormat.MARKDOWN.renderer().render(hostile).contains("`@octocat`"));
    }
}
