package dev.kubebench.catalog.plan;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names of the objects kubebench creates. A trial's job is {@code <benchmark>-<run hex>-<trial>}, where run hex is the
 * 6-hex suffix of the run id; the operators name pods {@code <job>-<type>-<index>}, and all must be DNS-1035 labels
 * (at most 63 characters, lowercase alphanumerics and '-', starting with a letter).
 */
public final class JobNames {
    /** The longest Kubernetes label value / DNS-1035 label. */
    public static final int MAX_LABEL_LENGTH = 63;
    private static final Pattern DNS_1035 = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

    private JobNames() {
    }

    /** The job name for a trial: {@code <benchmark>-<last 6 characters of runId>-<trial>}. */
    public static String jobName(String benchmark, String runId, int trialIndex) {
        String hex = runId.length() <= 6 ? runId : runId.substring(runId.length() - 6);
        return benchmark + "-" + hex.toLowerCase(Locale.ROOT) + "-" + trialIndex;
    }

    /** The pod (and service) name the v1 operators give replica {@code index} of {@code replicaType}. */
    public static String podName(String jobName, String replicaType, int index) {
        return jobName + "-" + replicaType.toLowerCase(Locale.ROOT) + "-" + index;
    }

    /** True when {@code name} is a DNS-1035 label. */
    public static boolean isDns1035(String name) {
        return name != null && name.length() <= MAX_LABEL_LENGTH && DNS_1035.matcher(name).matches();
    }
}
