package dev.kubebench.collector.telemetry;

import java.io.IOException;

/**
 * How the Prometheus client reaches the HTTP API: directly ({@link HttpTransport}) or, supplied by the CLI, through
 * the Kubernetes API server's service proxy (fabric8 lives only in the runner).
 */
public interface PrometheusTransport {

    /**
     * One GET request.
     *
     * @param pathAndQuery the API path with its encoded query string, e.g. {@code /api/v1/query_range?query=...}
     * @throws IOException when the server cannot be reached or does not answer in time
     */
    Answer get(String pathAndQuery) throws IOException, InterruptedException;

    /** Where the requests go, for messages and result.json's {@code telemetry.source}. */
    String source();

    /** An HTTP answer: the status code and the body as text. */
    record Answer(int status, String body) {
    }
}
