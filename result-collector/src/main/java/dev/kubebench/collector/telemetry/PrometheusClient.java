package dev.kubebench.collector.telemetry;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small client of the Prometheus HTTP API ({@code /api/v1/query_range}, {@code /api/v1/query}). Every call is one
 * request; {@link #requests()} counts them so a test can check that a trial costs a bounded number.
 */
public final class PrometheusClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_REASON = 300;

    private final PrometheusTransport transport;
    private final AtomicInteger requests = new AtomicInteger();

    public PrometheusClient(PrometheusTransport transport) {
        this.transport = transport;
    }

    /** Where the client sends its requests. */
    public String source() {
        return transport.source();
    }

    /** The number of requests sent so far. */
    public int requests() {
        return requests.get();
    }

    /** A range query: every series of the matrix with its points from {@code start} to {@code end} every step. */
    public List<Series> queryRange(String query, Instant start, Instant end, Duration step)
            throws PrometheusException, InterruptedException {
        String path = "/api/v1/query_range?query=" + encode(query) + "&start=" + seconds(start) + "&end="
                + seconds(end) + "&step=" + seconds(step.toMillis());
        JsonNode data = call(path);
        List<Series> out = new ArrayList<>();
        for (JsonNode s : data.path("result")) {
            List<Series.Point> points = new ArrayList<>();
            for (JsonNode v : s.path("values")) {
                points.add(point(v));
            }
            out.add(new Series(labels(s), points));
        }
        return out;
    }

    /** An instant query at {@code time}: each series with its one point. */
    public List<Series> query(String query, Instant time) throws PrometheusException, InterruptedException {
        JsonNode data = call("/api/v1/query?query=" + encode(query) + "&time=" + seconds(time));
        List<Series> out = new ArrayList<>();
        for (JsonNode s : data.path("result")) {
            out.add(new Series(labels(s), List.of(point(s.path("value")))));
        }
        return out;
    }

    private JsonNode call(String path) throws PrometheusException, InterruptedException {
        requests.incrementAndGet();
        PrometheusTransport.Answer answer;
        try {
            answer = transport.get(path);
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new PrometheusException("cannot reach Prometheus at " + transport.source() + ": " + why, false);
        }
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (JacksonException e) {
            body = null;
        }
        boolean json = body != null && body.isObject() && body.has("status");
        if (json && "success".equals(body.path("status").asString())) {
            return body.path("data");
        }
        if (json && (answer.status() == 400 || answer.status() == 422)) {
            // bad_data or execution: this query is at fault, not Prometheus
            throw new PrometheusException(body.path("errorType").asString() + ": " + body.path("error").asString(),
                    true);
        }
        String detail = json ? body.path("error").asString() : abbreviate(answer.body());
        throw new PrometheusException("Prometheus at " + transport.source() + " answered HTTP " + answer.status()
                + (detail.isBlank() ? "" : ": " + detail), false);
    }

    private static Map<String, String> labels(JsonNode series) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : series.path("metric").properties()) {
            labels.put(e.getKey(), e.getValue().asString());
        }
        return labels;
    }

    /** {@code [1700000000.123, "87"]}: seconds as a number, the value as a string (NaN, +Inf allowed). */
    private static Series.Point point(JsonNode v) {
        long ms = Math.round(v.path(0).asDouble() * 1000);
        String text = v.path(1).asString();
        double value = switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
        return new Series.Point(ms, value);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String seconds(Instant t) {
        return seconds(t.toEpochMilli());
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000)
                : BigDecimal.valueOf(millis, 3).toPlainString();
    }

    private static String abbreviate(String s) {
        String one = s == null ? "" : s.strip().replaceAll("\\s+", " ");
        return one.length() <= MAX_REASON ? one : one.substring(0, MAX_REASON) + "...";
    }
}
