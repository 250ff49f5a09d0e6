package dev.kubebench.catalog.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code specs/invalid/} must fail to load with the messages its header names: one or more
 * {@code # expect: <substring of a problem line>}, optionally {@code # profile: <name>} and {@code # set: k=v}.
 */
class InvalidSpecFixturesTest {
    static Stream<Path> fixtures() throws IOException {
        Path dir = SpecLoaderTest.spec("invalid");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
        }
        return files.stream();
    }

    @Test
    void thereAreAtLeastThirtyFixtures() throws IOException {
        assertTrue(fixtures().count() >= 30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void failsWithTheExpectedMessage(Path fixture) throws IOException {
        List<String> expected = new ArrayList<>();
        String profile = null;
        List<String> sets = new ArrayList<>();
        for (String line : Files.readAllLines(fixture)) {
            if (line.startsWith("# expect: ")) {
                expected.add(line.substring("# expect: ".length()));
            } else if (line.startsWith("# profile: ")) {
                profile = line.substring("# profile: ".length());
            } else if (line.startsWith("# set: ")) {
                sets.add(line.substring("# set: ".length()));
            } else {
                break;
            }
        }
        assertFalse(expected.isEmpty(), "fixture has no '# expect:' header");
        String p = profile;
        KubebenchException e = assertThrows(KubebenchException.class,
                () -> new SpecLoader().load(fixture, p, sets));
        assertEquals(Failure.INVALID_INPUT, e.failure());
        for (String want : expected) {
            assertTrue(e.problems().stream().anyMatch(line -> line.contains(want)),
                    () -> "expected a problem containing\n  " + want + "\nbut got\n  "
                            + String.join("\n  ", e.problems()));
        }
        for (String line : e.problems()) {
            assertFalse(line.contains("\n"), line);
        }
    }
}
