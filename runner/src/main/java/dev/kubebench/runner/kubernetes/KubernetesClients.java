package dev.kubebench.runner.kubernetes;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/** Builds the fabric8 client from {@link ClusterOptions}, with kubebench's timeouts and retry hints. */
public final class KubernetesClients {
    /** The User-Agent of kubebench's requests, so API audit logs (and tests) can tell them apart. */
    public static final String USER_AGENT = "kubebench";
    /** Each built client's Retry-After hints; weak, so a closed client is not kept alive. */
    private static final Map<KubernetesClient, RetryAfterHints> HINTS = Collections.synchronizedMap(new WeakHashMap<>());

    private KubernetesClients() {
    }

    /**
     * Loads the kubeconfig (the given file, else {@code $KUBECONFIG}/{@code ~/.kube/config}, else in-cluster
     * service account) at the given context and applies the settings.
     *
     * @throws KubebenchException INFRASTRUCTURE when the kubeconfig or context cannot be loaded
     */
    public static KubernetesClient connect(ClusterOptions options, KubernetesSettings settings) {
        return build(config(options, settings));
    }

    /**
     * A client for {@code config} whose answers feed {@link ApiRetry} their {@code Retry-After} headers; every
     * kubebench client is built here (tests too), with fabric8's own retries off (see {@link #config}).
     */
    public static KubernetesClient build(Config config) {
        RetryAfterHints hints = new RetryAfterHints();
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config)
                .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("kubebench-retry-after", hints)).build();
        HINTS.put(client, hints);
        return client;
    }

    /** The {@link RetryAfterHints} of a client from {@link #build}; null for another client. */
    static RetryAfterHints hints(KubernetesClient client) {
        return HINTS.get(client);
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
                // ApiRetry is the one retry policy (429 and 5xx for a time budget); fabric8's own would multiply it
                .withRequestRetryBackoffLimit(0)
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
