package dev.kubebench.report.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.report.Fixtures;
import dev.kubebench.report.GateCheck;
import dev.kubebench.report.Golden;
import dev.kubebench.report.RunReport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
        String expected = report.trials().get(1).result().failureReason().replace('\u0001', '\uFFFD');
        assertEquals(expected, failure.getAttribute("message"));
        assertEquals(expected, failure.getTextContent());
        assertEquals(0, doc.getElementsByTagName("script").getLength());
        assertTrue(((Element) doc.getElementsByTagName("testsuite").item(0)).getAttribute("name")
                .endsWith(Fixtures.XSS));
    }
}
