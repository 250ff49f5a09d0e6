package dev.kubebench.collector.store;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** Run ids: UTC {@code yyyyMMdd-HHmmss-<6 lower-case hex>}, sortable by start time. */
public final class RunIds {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern ID = Pattern.compile("\\d{8}-\\d{6}-[0-9a-f]{6}");

    private RunIds() {
    }

    /** A new id for now. */
    public static String next(Clock clock, RandomGenerator random) {
        return FORMAT.format(clock.instant()) + "-" + String.format(Locale.ROOT, "%06x", random.nextInt(1 << 24));
    }

    /** True when {@code id} has the run-id form. */
    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** The 6 hex digits of an id (used in job names). */
    public static String hex(String id) {
        if (!isValid(id)) {
            throw new IllegalArgumentException("not a run id: " + id);
        }
        return id.substring(16);
    }
}
