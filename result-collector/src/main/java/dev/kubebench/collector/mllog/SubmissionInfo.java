package dev.kubebench.collector.mllog;

import java.util.Locale;

/**
 * Submission metadata logged by MLPerf loggers ({@code submission_*} keys); any field may be null.
 *
 * @param benchmark {@code submission_benchmark}, e.g. {@code resnet}
 * @param org       {@code submission_org}
 * @param platform  {@code submission_platform}
 * @param division  {@code submission_division} ({@code closed}, {@code open})
 * @param status    {@code submission_status} ({@code onprem}, {@code cloud}...)
 */
public record SubmissionInfo(String benchmark, String org, String platform, String division, String status) {

    /** Nothing logged. */
    public static final SubmissionInfo NONE = new SubmissionInfo(null, null, null, null, null);

    /** True when a logged value is missing or a template placeholder the submitter never filled in. */
    public static boolean isPlaceholder(String v) {
        if (v == null || v.isBlank()) {
            return true;
        }
        String s = v.toLowerCase(Locale.ROOT);
        return s.contains("placeholder") || s.startsWith("submission_") || s.equals("none") || s.equals("unknown")
                || s.contains("<") || s.contains("${");
    }

    /** This metadata with placeholder fields replaced by the given values (from the directory path). */
    public SubmissionInfo withFallback(String benchmark, String org, String platform) {
        return new SubmissionInfo(isPlaceholder(this.benchmark) ? benchmark : this.benchmark,
                isPlaceholder(this.org) ? org : this.org,
                isPlaceholder(this.platform) ? platform : this.platform, division, status);
    }
}
