package dev.kubebench.runner.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * GET requests to a service's HTTP port through the API server's service proxy
 * ({@code /api/v1/namespaces/NS/services/NAME:PORT/proxy/...}), with the kubeconfig's credentials: how telemetry
 * reaches an in-cluster Prometheus wherever the kubeconfig works. Needs {@code get} on {@code services/proxy}.
 */
public final class ServiceProxy {
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final KubernetesClient client;

    public ServiceProxy(KubernetesClient client) {
        this.client = client;
    }

    /**
     * One GET.
     *
     * @param pathAndQuery the path below the service with its encoded query, e.g. {@code /api/v1/query?query=up}
     * @throws IOException when the API server cannot be reached or does not answer in time
     */
    public Answer get(String namespace, String service, String port, String pathAndQuery)
            throws IOException, InterruptedException {
        String master = client.getMasterUrl().toString();
        String url = (master.endsWith("/") ? master : master + "/") + "api/v1/namespaces/" + namespace + "/services/"
                + service + ":" + port + "/proxy" + pathAndQuery;
        HttpClient http = client.getHttpClient();
        HttpRequest request = http.newHttpRequestBuilder().uri(url).header("Accept", "application/json").build();
        try {
            HttpResponse<String> r = http.sendAsync(request, String.class).get(TIMEOUT.toMillis(),
                    TimeUnit.MILLISECONDS);
            return new Answer(r.code(), r.body());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException(cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new IOException("no answer through the service proxy within " + TIMEOUT.toSeconds() + " s", e);
        }
    }

    /** Where the requests go: {@code service NS/NAME:PORT via https://api-server}. */
    public String describe(String namespace, String service, String port) {
        return "service " + namespace + "/" + service + ":" + port + " via " + client.getMasterUrl();
    }

    /** An HTTP answer: status code and body. */
    public record Answer(int status, String body) {
    }
}
