package dev.kubebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 12 item 8: labels from the history reach the terminal with their control characters escaped. */
class HistoryTextTest {
    @Test
    void labelsAreEscaped() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("team", "ml\u001b[2J");
        labels.put("note", "two\nlines");
        assertEquals("team=ml\\e[2J,note=two\\nlines", HistoryListCommand.labels(labels));
    }
}
