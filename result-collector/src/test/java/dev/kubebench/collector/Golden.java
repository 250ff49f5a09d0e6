package dev.kubebench.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Golden-file comparison; {@code -Dgolden.update=true} rewrites the files. */
public final class Golden {
    private Golden() {
    }

    public static void check(String name, String actual) throws IOException {
        Path file = Path.of(System.getProperty("kubebench.root"), "result-collector/src/test/resources/golden", name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "golden " + name
                + " differs (regenerate with -Dgolden.update=true if the change is intended)");
    }
}
