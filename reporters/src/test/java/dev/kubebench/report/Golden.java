package dev.kubebench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden/report}; {@code -Dgolden.update=true} rewrites them from the
 * current output instead of comparing.
 */
public final class Golden {
    private static final Path DIR = Path.of("src", "test", "resources", "golden", "report");

    private Golden() {
    }

    public static String render(Reporter reporter, RunReport report) throws IOException {
        StringWriter w = new StringWriter();
        reporter.write(report, w);
        return w.toString();
    }

    public static void assertMatches(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(file), "missing golden file " + file + " (run with -Dgolden.update=true)");
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual,
                "output differs from " + file + " (if intended, regenerate with -Dgolden.update=true)");
    }
}
