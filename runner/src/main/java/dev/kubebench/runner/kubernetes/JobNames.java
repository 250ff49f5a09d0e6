package dev.kubebench.runner.kubernetes;

import java.util.Locale;

/**
 * Names of the objects a trial creates: {@code <benchmark>-<first 6 hex of the run id's suffix>-<trial index>}, a
 * DNS-1035 label short enough that the operators' pod names ({@code <job>-worker-<i>}, TrainJob
 * {@code <job>-node-0-<i>-<5>}) stay within 63 characters.
 */
public final class JobNames {
    /** Room left for the longest operator suffix on pod names. */
    static final int MAX_JOB_NAME = 45;

    private JobNames() {
    }

    public static String jobName(String benchmarkName, String runId, int trialIndex) {
        int dash = runId.lastIndexOf('-');
        String hex = runId.substring(dash + 1).toLowerCase(Locale.ROOT);
        String suffix = "-" + hex.substring(0, Math.min(6, hex.length())) + "-" + trialIndex;
        String base = benchmarkName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
            base = "kb-" + base;
        }
        int room = MAX_JOB_NAME - suffix.length();
        if (base.length() > room) {
            base = base.substring(0, room);
        }
        base = base.replaceAll("-+$", "");
        return base + suffix;
    }
}
