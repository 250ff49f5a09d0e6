package dev.kubebench.cli;

import dev.kubebench.runner.kubernetes.ClusterOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --kubeconfig}, {@code --context} and {@code -n/--namespace} for every command that talks to a cluster. */
public final class ClusterOptionsMixin {
    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "kubeconfig file (default: $KUBECONFIG, else ~/.kube/config, else the in-cluster service account)")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME",
            description = "kubeconfig context to use (default: the current context)")
    String context;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
            description = "namespace for kubebench's objects (default: the context's namespace, else 'default')")
    String namespace;

    /** The options as the runner takes them. */
    public ClusterOptions toClusterOptions() {
        return new ClusterOptions(kubeconfig, context, namespace);
    }
}
