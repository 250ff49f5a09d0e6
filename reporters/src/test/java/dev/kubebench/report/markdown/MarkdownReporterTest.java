package dev.kubebench.report.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.report.Fixtures;
import dev.kubebench.report.GateCheck;
import dev.kubebench.report.Golden;
import java.io.IOException;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.report.RunReport;
import dev.kubebench.report.TrialReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    @Test
    void controlCharactersAreEscapedAndMentionsAreNotLive() {
        assertEquals("red \\\\e\\[31m bell \\\\x07 two\\\\nlines \\\\u202e",
                Md.cell("red \u001b[31m bell \u0007 two\nlines \u202e"));
        assertEquals("ping `@alice` and `@org/team-a`, cc:`@bob-1`", Md.cell("ping @alice and @org/team-a, cc:@bob-1"));
        assertEquals("mail ops@example.com, not @ alone, `@x`\\_y", Md.cell("mail ops@example.com, not @ alone, @x_y"));
    }

    @Test
    void summaryOfAHostileRunHasNoRawControlsAndNoLiveMentions() throws IOException {
        RunReport report = Fixtures.sweep();
        TrialReport t = report.trials().get(3);
        RunResult r = t.result();
        Map<String, Object> point = new LinkedHashMap<>(r.point());
        point.put("owner", "@octocat\nrow");
        RunResult hostile = new RunResult(r.schemaVersion(), new RunResult.Identity(r.benchmark(), r.runId(),
                r.trial(), point, r.repetition(), r.workload()), new RunResult.Outcome(r.measurement(), r.status(),
                "\u001b]0;pwned\u0007 cc @octocat/admins", r.targetReached(), r.startedAt(), r.finishedAt()),
                r.measurements(), r.labels(), r.warnings());
        List<TrialReport> trials = new ArrayList<>(report.trials());
        trials.set(3, new TrialReport(hostile, t.events()));
        String md = Golden.render(new MarkdownReporter(), new RunReport(report.benchmark(), report.runId(),
                report.specYaml(), trials, List.of()));
        for (char c = 0; c < 0x20; c++) {
            assertTrue(c == '\n' || md.indexOf(c) < 0, "raw U+" + Integer.toHexString(c));
        }
        assertFalse(md.matches("(?s).*(^|[^`\\w])@octocat.*"), md);
        assertTrue(md.contains("\\\\e\\]0;pwned\\\\x07 cc `@octocat/admins`"), md);
        assertTrue(md.contains("`@octocat`\\\\nrow"), md);
    }
}
