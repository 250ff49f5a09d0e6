package dev.kubebench.report.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.report.Fixtures;
import dev.kubebench.report.GateCheck;
import dev.kubebench.report.Golden;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReporterTest {
    @Test
    void summaryMatchesGolden() throws IOException {
        Golden.assertMatches("summary.md", Golden.render(new MarkdownReporter(), Fixtures.sweep().withGates(List.of(
                new GateCheck("time_to_train_s max regression 5%", true, "-1.2% (p=0.40)"),
                new GateCheck("throughput_samples_per_s min 900", false, "median 850 < 900")))));
    }

    @Test
    void escapesMarkupAndTablePipes() throws IOException {
        String md = Golden.render(new MarkdownReporter(), Fixtures.hostile());
        assertFalse(md.contains("<script>"), md);
        assertFalse(md.contains("<img"), md);
        assertTrue(md.contains("&lt;script&gt;"));
        assertTrue(md.contains("\\| pipe"), "a pipe in a cell must not split the table row");
        for (String line : md.split("\n")) {
            if (line.startsWith("| ")) {
                assertEquals('|', line.charAt(line.length() - 1), "table row stays on one line: " + line);
            }
        }
    }

    @Test
    void staysShortForManyTrials() throws IOException {
        String md = Golden.render(new MarkdownReporter(), Fixtures.large(2000));
        assertTrue(md.length() < 8000, "summary is " + md.length() + " chars");
        assertTrue(md.contains("more failed trials"));
    }
}
