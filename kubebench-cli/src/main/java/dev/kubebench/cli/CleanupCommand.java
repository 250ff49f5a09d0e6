package dev.kubebench.cli;

import dev.kubebench.runner.kubernetes.KubernetesBackend;
import dev.kubebench.runner.kubernetes.KubernetesSettings;
import dev.kubebench.core.text.Printable;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kubebench cleanup}: deletes what kubebench created on the cluster (jobs of every supported kind,
 * ConfigMaps, Secrets, Services and leftover pods labelled {@code kubebench.dev/run-id}), with foreground
 * propagation, for one run or for all runs in the namespace.
 */
@Command(name = "cleanup", mixinStandardHelpOptions = true,
        description = {"Deletes Kubernetes objects left by kubebench runs (after --keep, or a run that was killed).",
            "Finds them by the label kubebench.dev/run-id in the namespace and deletes them with foreground propagation."},
        footer = {"", ExitCodes.TABLE})
public final class CleanupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptionsMixin cluster;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    /** Exactly one of --run-id and --all. */
    static final class Target {
        @Option(names = "--run-id", paramLabel = "ID", required = true,
                description = "delete the objects of this run (yyyyMMdd-HHmmss-<6 hex>)")
        String runId;

        @Option(names = "--all", required = true, description = "delete the objects of every kubebench run")
        boolean all;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String runId = target.all ? null : target.runId;
        try (KubernetesBackend backend = KubernetesBackend.connect(cluster.toClusterOptions(),
                KubernetesSettings.DEFAULTS, (trial, id, job) -> {
                    throw new IllegalStateException("cleanup creates nothing");
                }, w -> err.println("warning: " + Printable.escape(w)))) {
            int deleted = backend.cleanup(runId);
            out.println("deleted " + deleted + " object(s) of " + (runId == null ? "all kubebench runs" : "run " + runId)
                    + " in namespace " + backend.namespace());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
