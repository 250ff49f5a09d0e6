package dev.kubebench.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
    @ParameterizedTest
    @CsvSource({
        "90s, 90000",
        "30m, 1800000",
        "1h30m, 5400000",
        "1h2m3s, 3723000",
        "2h, 7200000",
        "1d, 86400000",
        "1d12h, 129600000",
        "1.5h, 5400000",
        "500ms, 500",
        "1m30s250ms, 90250",
        "' 45m ', 2700000",
        "0s, 0",
    })
    void parses(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), Durations.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "90", "1.5", "30m1h", "1h1h", "2H", "-5s", "1 h", "h", "1w", "1e3s", "5sm",
        "99999999999999999999d", "9223372036854775807s"})
    void rejects(String text) {
        assertEquals(Optional.empty(), Durations.tryParse(text));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertTrue(e.getMessage().contains("is not a duration"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"5400000, 1h30m", "86400000, 1d", "90250, 1m30s250ms", "0, 0s", "45000, 45s"})
    void formatsCanonically(long millis, String text) {
        assertEquals(text, Durations.format(Duration.ofMillis(millis)));
        assertEquals(Duration.ofMillis(millis), Durations.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1h30m", "36h", "90m", "2d3h4m5s6ms", "1.25s"})
    void formatRoundTrips(String text) {
        Duration d = Durations.parse(text);
        assertEquals(d, Durations.parse(Durations.format(d)));
    }

    @org.junit.jupiter.api.Test
    void longInputIsRejectedQuickly() {
        String huge = "1".repeat(4_000_000) + "s";
        assertEquals(Optional.empty(), Durations.tryParse(huge));
        assertTrue(Durations.parse("1h").toHours() == 1);
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(huge));
    }
}
