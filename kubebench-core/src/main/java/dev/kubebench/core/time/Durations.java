package dev.kubebench.core.time;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration grammar of kubebench, for spec fields ({@code spec.timeout}) and command-line flags
 * ({@code --target-time}, {@code --unschedulable-grace}, {@code --since}) alike (docs/spec.md, "Durations").
 *
 * <p>A duration is one or more parts {@code <amount><unit>}, units in decreasing order and each at most once:
 * {@code d} (24 hours), {@code h}, {@code m}, {@code s}, {@code ms}. Amounts are non-negative decimal numbers
 * ({@code 1.5h}). Examples: {@code 90s}, {@code 30m}, {@code 2h}, {@code 1h30m}, {@code 1d}, {@code 1d12h},
 * {@code 500ms}. A bare number has no unit and is not a duration. The result is kept to the millisecond.
 */
public final class Durations {
    private static final Pattern GRAMMAR = Pattern.compile(
            "(?:(\\d+(?:\\.\\d+)?)d)?(?:(\\d+(?:\\.\\d+)?)h)?(?:(\\d+(?:\\.\\d+)?)m(?!s))?(?:(\\d+(?:\\.\\d+)?)s)?"
                    + "(?:(\\d+(?:\\.\\d+)?)ms)?");
    private static final long[] UNIT_MILLIS = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
    private static final String[] UNIT_NAMES = {"d", "h", "m", "s", "ms"};
    /** The longest text accepted; longer input is not a duration (and not worth a regex over megabytes). */
    private static final int MAX_LENGTH = 64;

    /** What an error message says the grammar is. */
    public static final String EXAMPLES = "such as 90s, 30m, 2h, 1h30m, 1d or 500ms";

    private Durations() {
    }

    /**
     * Parses a duration.
     *
     * @throws IllegalArgumentException naming the text and the grammar when it is not a duration or does not fit a
     *                                  {@link Duration} of milliseconds
     */
    public static Duration parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException(
                "'" + abbreviate(text) + "' is not a duration; use days, hours, minutes, seconds or milliseconds "
                        + EXAMPLES));
    }

    /** The duration {@code text} spells, or empty when it is not one (malformed, too large). */
    public static Optional<Duration> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim();
        if (s.isEmpty() || s.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher m = GRAMMAR.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal millis = BigDecimal.ZERO;
        for (int g = 1; g <= UNIT_MILLIS.length; g++) {
            if (m.group(g) != null) {
                millis = millis.add(new BigDecimal(m.group(g)).multiply(BigDecimal.valueOf(UNIT_MILLIS[g - 1])));
            }
        }
        try {
            return Optional.of(Duration.ofMillis(millis.setScale(0, RoundingMode.HALF_UP).longValueExact()));
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    /**
     * A duration in the same grammar, canonical and compact: {@code 1h30m}, {@code 2d}, {@code 45s},
     * {@code 1s250ms}, {@code 0s}. {@code parse(format(d))} equals {@code d} truncated to milliseconds.
     */
    public static String format(Duration d) {
        long left = d.toMillis();
        if (left == 0) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        if (left < 0) {
            sb.append('-');
            left = -left;
        }
        for (int i = 0; i < UNIT_MILLIS.length; i++) {
            long n = left / UNIT_MILLIS[i];
            if (n > 0) {
                sb.append(n).append(UNIT_NAMES[i]);
                left -= n * UNIT_MILLIS[i];
            }
        }
        return sb.toString();
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH) + "..." : s;
    }
}
