package dev.kubebench.runner.kubernetes;

import java.nio.file.Path;

/**
 * Which cluster and namespace to talk to; every field is optional.
 *
 * @param kubeconfig the kubeconfig file; null for {@code $KUBECONFIG} or {@code ~/.kube/config}
 * @param context    the kubeconfig context; null for the current context
 * @param namespace  the namespace for everything kubebench creates; null for the context's namespace, else
 *                   {@code default}
 */
public record ClusterOptions(Path kubeconfig, String context, String namespace) {
    /** The current context of the default kubeconfig, in its namespace. */
    public static final ClusterOptions DEFAULTS = new ClusterOptions(null, null, null);

    public ClusterOptions {
        context = blankToNull(context);
        namespace = blankToNull(namespace);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
