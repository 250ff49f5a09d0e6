package dev.kubebench.runner.kubernetes;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;

/** Builds the fabric8 client from {@link ClusterOptions}, with kubebench's timeouts and retries. */
public final class KubernetesClients {
    /** The User-Agent of kubebench's requests, so API audit logs (and tests) can tell them apart. */
    public static final String USER_AGENT = "kubebench";

    private KubernetesClients() {
    }

    /**
     * Loads the kubeconfig (the given file, else {@code $KUBECONFIG}/{@code ~/.kube/config}, else in-cluster
     * service account) at the given context and applies the settings.
     *
     * @throws KubebenchException INFRASTRUCTURE when the kubeconfig or context cannot be loaded
     */
    public static KubernetesClient connect(ClusterOptions options, KubernetesSettings settings) {
        return new KubernetesClientBuilder().withConfig(config(options, settings)).build();
    }

    /** The resolved configuration; exposed for tests and for {@code benchmark.yaml} (server, context, namespace). */
    public static Config config(ClusterOptions options, KubernetesSettings settings) {
        Config base;
        try {
            if (options.kubeconfig() != null) {
                if (!Files.isReadable(options.kubeconfig())) {
                    throw new KubebenchException(Failure.INFRASTRUCTURE,
                            "kubeconfig " + options.kubeconfig() + " does not exist or is not readable");
                }
                base = Config.fromKubeconfig(options.context(), options.kubeconfig().toFile());
            } else {
                base = Config.autoConfigure(options.context());
            }
        } catch (KubebenchException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new KubebenchException(Failure.INFRASTRUCTURE, "cannot load kubeconfig"
                    + (options.context() == null ? "" : " context " + options.context()) + ": " + oneLine(e), e);
        }
        if (options.context() != null && (base.getCurrentContext() == null
                || !options.context().equals(base.getCurrentContext().getName()))) {
            throw new KubebenchException(Failure.INFRASTRUCTURE,
                    "kubeconfig has no context named " + options.context());
        }
        ConfigBuilder builder = new ConfigBuilder(base)
                .withConnectionTimeout(Math.toIntExact(settings.connectTimeout().toMillis()))
                .withRequestTimeout(Math.toIntExact(settings.requestTimeout().toMillis()))
                .withRequestRetryBackoffLimit(settings.retries())
                .withRequestRetryBackoffInterval(Math.toIntExact(settings.retryBackoff().toMillis()))
                .withUserAgent(USER_AGENT);
        if (options.namespace() != null) {
            builder.withNamespace(options.namespace());
        } else if (base.getNamespace() == null) {
            builder.withNamespace("default");
        }
        return builder.build();
    }

    static String oneLine(Throwable e) {
        Throwable t = e;
        String msg = t.getMessage();
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null) {
                msg = t.getMessage();
            }
        }
        if (msg == null) {
            msg = t.getClass().getSimpleName();
        }
        return msg.replaceAll("\\s+", " ").trim();
    }
}
