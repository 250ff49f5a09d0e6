package dev.kubebench.report.junit;

import dev.kubebench.report.ComparisonRenderer;
import dev.kubebench.report.analysis.compare.CompareFormatting;
import dev.kubebench.report.analysis.compare.ComparisonReport;
import dev.kubebench.report.analysis.compare.MetricComparison;
import dev.kubebench.report.analysis.compare.Verdict;
import dev.kubebench.core.text.Numbers;
import dev.kubebench.core.text.Printable;
import java.io.StringWriter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML, which every CI system renders: one testcase per metric and sweep point; a regression is a failure,
 * insufficient data is skipped, everything else passes. Ungated metrics are reported but never fail. Names and
 * summaries have their control characters escaped ({@link Printable}), which also keeps the XML well-formed.
 */
public final class JunitComparisonRenderer implements ComparisonRenderer {
    @Override
    public String render(ComparisonReport report) {
        StringWriter buffer = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(buffer);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            long failures = report.rows().stream().filter(r -> r.failsGate(false)).count();
            long skipped = report.rows().stream().filter(r -> r.verdict() == Verdict.INSUFFICIENT).count();
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "kubebench compare");
            xml.writeAttribute("tests", Integer.toString(report.rows().size()));
            xml.writeAttribute("failures", Long.toString(failures));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", Long.toString(skipped));
            xml.writeCharacters("\n");
            for (MetricComparison r : report.rows()) {
                xml.writeCharacters("  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", Printable.escape("kubebench.compare." + r.metric()));
                xml.writeAttribute("name", Printable.escape(r.label()));
                xml.writeAttribute("time", "0");
                String summary = Printable.escape(summary(r));
                if (r.failsGate(false)) {
                    xml.writeStartElement("failure");
                    xml.writeAttribute("type", "regression");
                    xml.writeAttribute("message", summary);
                    xml.writeCharacters(summary);
                    xml.writeEndElement();
                } else if (r.verdict() == Verdict.INSUFFICIENT) {
                    xml.writeEmptyElement("skipped");
                    xml.writeAttribute("message", summary);
                } else {
                    xml.writeStartElement("system-out");
                    xml.writeCharacters(summary);
                    xml.writeEndElement();
                }
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return buffer.toString();
    }

    private static String summary(MetricComparison r) {
        String s = String.format(Locale.ROOT, "%s: %s, median %s -> %s (%s, p=%s, threshold %s%%, %s)",
                r.label(), r.verdict().label(), CompareFormatting.median(r.baseline()),
                CompareFormatting.median(r.candidate()), Numbers.percent(r.changePercent()),
                Numbers.pValue(r.pValue()), Numbers.significant(r.thresholdPercent(), 6),
                CompareFormatting.direction(r));
        return r.note().isEmpty() ? s : s + "; " + r.note();
    }
}
