package dev.kubebench.runner.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file comparison. With {@code -Dgolden.update=true} the actual text is written to the source tree instead
 * (review the diff before committing).
 */
final class Golden {
    private Golden() {
    }

    static Path dir() {
        return Path.of(System.getProperty("kubebench.root"), "runner/src/test/resources/golden/render");
    }

    static void assertMatches(String name, String actual) {
        Path file = dir().resolve(name);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertTrue(Files.exists(file), file + " is missing; run the test with -Dgolden.update=true");
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "golden file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
