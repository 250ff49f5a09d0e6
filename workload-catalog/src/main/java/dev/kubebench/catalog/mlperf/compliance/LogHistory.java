package dev.kubebench.catalog.mlperf.compliance;

/** What a log said before the event being checked: for the ordering rules. */
public interface LogHistory {

    /** True when an event with this key came earlier in the log. */
    boolean seen(String key);

    /** The first {@code init_start}'s time in epoch milliseconds, or NaN when none came yet. */
    double firstInitStartMs();

    /** The first {@code submission_division} value logged so far, or null. */
    String division();
}
