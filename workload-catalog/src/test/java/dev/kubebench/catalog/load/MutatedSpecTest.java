package dev.kubebench.catalog.load;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kubebench.core.error.KubebenchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates the valid fixtures line by line (values of the wrong type, deleted and duplicated lines, broken
 * indentation) with a fixed seed: every result either loads or fails with one-line problems, never another
 * exception.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MutatedSpecTest {
    private static final List<String> VALUES = List.of("[]", "{}", "-1", "0", "x", "null", "'{{ .nope }}'", "1e999",
            "true", "[1, [2]]", "{a: {b: c}}", "\"\"", "99999999999999999999999", "'{{ .workers }}'", "&a [*a]");
    private static final int MUTATIONS_PER_FILE = 100;

    @TempDir
    Path dir;

    @Test
    void mutatedSpecsFailCleanly() throws IOException {
        Random random = new Random(20261128L);
        Path files = dir.resolve("files");
        Files.createDirectories(files);
        Files.copy(SpecLoaderTest.spec("files/train.py"), files.resolve("train.py"));
        Files.copy(SpecLoaderTest.spec("files/pytorchjob.yaml"), files.resolve("pytorchjob.yaml"));
        Path valid = dir.resolve("valid");
        Files.createDirectories(valid);
        int failures = 0;
        int loaded = 0;
        for (String name : List.of("resnet.yaml", "sweep-matrix-zip.yaml", "tfjob.yaml", "mpijob-v2beta1.yaml",
                "trainjob.yaml", "manifest.yaml")) {
            List<String> lines = Files.readAllLines(SpecLoaderTest.spec("valid/" + name));
            for (int i = 0; i < MUTATIONS_PER_FILE; i++) {
                List<String> mutated = mutate(lines, random);
                Path f = valid.resolve(name);
                Files.write(f, mutated);
                try {
                    new SpecLoader().load(f, random.nextInt(4) == 0 ? "smoke" : null, List.of());
                    loaded++;
                } catch (KubebenchException e) {
                    failures++;
                    assertFalse(e.problems().isEmpty());
                    for (String p : e.problems()) {
                        assertTrue(p.startsWith(f.toString()) || p.startsWith(dir.toString()), p);
                        assertFalse(p.contains("\n"), p);
                    }
                } catch (RuntimeException e) {
                    fail("mutation of " + name + " threw " + e + " for:\n" + String.join("\n", mutated), e);
                }
            }
        }
        assertTrue(failures > 100 && loaded > 10, failures + " failed, " + loaded + " loaded");
    }

    private static List<String> mutate(List<String> lines, Random random) {
        List<String> out = new ArrayList<>(lines);
        int n = 1 + random.nextInt(3);
        for (int k = 0; k < n; k++) {
            int i = random.nextInt(out.size());
            String line = out.get(i);
            switch (random.nextInt(5)) {
                case 0:
                    out.remove(i);
                    break;
                case 1:
                    out.add(i, line);
                    break;
                case 2:
                    out.set(i, " " + line);
                    break;
                default:
                    int colon = line.indexOf(": ");
                    if (colon > 0) {
                        out.set(i, line.substring(0, colon + 2) + VALUES.get(random.nextInt(VALUES.size())));
                    }
                    break;
            }
            if (out.isEmpty()) {
                out.add("{}");
            }
        }
        return out;
    }
}
