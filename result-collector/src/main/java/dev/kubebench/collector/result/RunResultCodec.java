package dev.kubebench.collector.result;

import dev.kubebench.core.trial.TrialState;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.core.secret.Redactor;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes {@code result.json} (schema v{@value RunResult#SCHEMA_VERSION}, docs/results.md): snake_case keys,
 * enums in lower case, instants as ISO-8601 UTC, no NaN or infinity anywhere (a non-finite metric is left out, a
 * non-finite curve field is {@code null}). Reading accepts any file of this or an older schema version and rejects
 * newer ones with a clear message. Thread-safe.
 */
public final class RunResultCodec {
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private RunResultCodec() {
    }

    /** The JSON text, pretty-printed, ending with a newline. */
    public static String write(RunResult r) {
        return JSON.writeValueAsString(toTree(r)) + "\n";
    }

    /**
     * The result with every string in it (failure reason, warnings, labels, point values) passed through the
     * redactor: what result.json and the reports may show of a trial whose workload printed a secret.
     */
    public static RunResult redact(RunResult r, Redactor redactor) {
        if (redactor.isEmpty()) {
            return r;
        }
        Object plain = JSON.convertValue(toTree(r), Object.class);
        return fromTree(JSON.valueToTree(redactor.redactTree(plain)), "result of trial " + r.trial());
    }

    /** The result as a JSON tree (for embedding in summaries). */
    public static ObjectNode toTree(RunResult r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("schema_version", r.schemaVersion());
        o.put("benchmark", r.benchmark());
        o.put("run_id", r.runId());
        o.put("trial", r.trial());
        ObjectNode point = o.putObject("point");
        r.point().forEach((k, v) -> putScalar(point, k, v));
        o.put("repetition", r.repetition());
        if (r.warmup()) {
            // written only when true, so the results of runs without warm-up stay byte for byte as before
            o.put("warmup", true);
        }
        o.put("workload", r.workload());
        o.put("measurement", r.measurement().jsonName());
        o.put("status", r.status().jsonName());
        o.put("failure_reason", r.failureReason());
        if (r.targetReached() == null) {
            o.putNull("target_reached");
        } else {
            o.put("target_reached", r.targetReached());
        }
        o.put("started_at", r.startedAt() == null ? null : r.startedAt().toString());
        o.put("finished_at", r.finishedAt() == null ? null : r.finishedAt().toString());
        ObjectNode metrics = o.putObject("metrics");
        r.metrics().forEach((k, v) -> {
            if (v != null && Double.isFinite(v)) {
                metrics.put(k, v);
            }
        });
        ArrayNode curve = o.putArray("accuracy_curve");
        for (CurvePoint c : r.accuracyCurve()) {
            ObjectNode p = curve.addObject();
            putFinite(p, "elapsed_ms", c.elapsedMs());
            putFinite(p, "epoch", c.epoch());
            putFinite(p, "samples", c.samples());
            putFinite(p, "value", c.value());
            p.put("metric", c.metric());
        }
        ArrayNode series = o.putArray("throughput_series");
        for (ThroughputPoint t : r.throughputSeries()) {
            ObjectNode p = series.addObject();
            putFinite(p, "elapsed_ms", t.elapsedMs());
            putFinite(p, "samples_per_s", t.samplesPerSecond());
        }
        ObjectNode labels = o.putObject("labels");
        r.labels().forEach(labels::put);
        o.put("step_time_histogram", r.stepTimeHistogram());
        ArrayNode warnings = o.putArray("warnings");
        r.warnings().forEach(warnings::add);
        if (r.telemetry() != null) {
            // additive: written only when telemetry was asked for, so other results stay byte for byte as before
            ObjectNode t = o.putObject("telemetry");
            t.put("status", r.telemetry().status().jsonName());
            t.put("source", r.telemetry().source());
            t.put("reason", r.telemetry().reason());
            ArrayNode tw = t.putArray("warnings");
            r.telemetry().warnings().forEach(tw::add);
        }
        return o;
    }

    /**
     * Parses {@code result.json} content.
     *
     * @param source file name for error messages
     * @throws KubebenchException INVALID_INPUT on malformed JSON, a missing required field or a newer schema
     */
    public static RunResult read(byte[] json, String source) {
        try {
            return fromTree(JSON.readTree(json), source);
        } catch (JacksonException e) {
            throw new KubebenchException(Failure.INVALID_INPUT, source + ": not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Reads a result from a JSON tree (see {@link #read}). */
    public static RunResult fromTree(JsonNode n, String source) {
        if (n == null || !n.isObject()) {
            throw invalid(source, "", "expected a JSON object");
        }
        int version = required(n, "schema_version", source).asInt();
        if (version < 1 || version > RunResult.SCHEMA_VERSION) {
            throw invalid(source, "schema_version", "unsupported version " + version + " (this kubebench reads 1.."
                    + RunResult.SCHEMA_VERSION + "; upgrade kubebench)");
        }
        try {
            Map<String, Object> point = new LinkedHashMap<>();
            JsonNode pn = n.get("point");
            if (pn != null && pn.isObject()) {
                for (Map.Entry<String, JsonNode> e : pn.properties()) {
                    point.put(e.getKey(), scalar(e.getValue()));
                }
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            JsonNode mn = n.get("metrics");
            if (mn != null && mn.isObject()) {
                for (Map.Entry<String, JsonNode> e : mn.properties()) {
                    if (e.getValue().isNumber()) {
                        metrics.put(e.getKey(), e.getValue().asDouble());
                    }
                }
            }
            List<CurvePoint> curve = new ArrayList<>();
            for (JsonNode c : array(n, "accuracy_curve")) {
                curve.add(new CurvePoint(num(c, "elapsed_ms"), num(c, "epoch"), num(c, "samples"), num(c, "value"),
                        text(c, "metric")));
            }
            List<ThroughputPoint> series = new ArrayList<>();
            for (JsonNode t : array(n, "throughput_series")) {
                series.add(new ThroughputPoint(num(t, "elapsed_ms"), num(t, "samples_per_s")));
            }
            Map<String, String> labels = new LinkedHashMap<>();
            JsonNode ln = n.get("labels");
            if (ln != null && ln.isObject()) {
                for (Map.Entry<String, JsonNode> e : ln.properties()) {
                    labels.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asString());
                }
            }
            List<String> warnings = new ArrayList<>();
            for (JsonNode w : array(n, "warnings")) {
                warnings.add(w.asString());
            }
            JsonNode tr = n.get("target_reached");
            RunResult.Identity identity = new RunResult.Identity(required(n, "benchmark", source).asString(),
                    text(n, "run_id"), n.path("trial").asInt(0), point, n.path("repetition").asInt(0),
                    text(n, "workload"), n.path("warmup").asBoolean(false));
            RunResult.Outcome outcome = new RunResult.Outcome(
                    MeasurementKind.valueOf(required(n, "measurement", source).asString().toUpperCase(Locale.ROOT)),
                    TrialState.valueOf(required(n, "status", source).asString().toUpperCase(Locale.ROOT)),
                    text(n, "failure_reason"), tr == null || tr.isNull() ? null : tr.asBoolean(),
                    instant(n, "started_at"), instant(n, "finished_at"));
            return new RunResult(version, identity, outcome, new RunResult.Measurements(metrics, curve, series,
                    text(n, "step_time_histogram")), labels, warnings, telemetry(n.get("telemetry")));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw invalid(source, "", e.getMessage());
        }
    }

    private static RunResult.Telemetry telemetry(JsonNode t) {
        if (t == null || !t.isObject()) {
            return null;
        }
        List<String> warnings = new ArrayList<>();
        for (JsonNode w : array(t, "warnings")) {
            warnings.add(w.asString());
        }
        String status = text(t, "status");
        return new RunResult.Telemetry(status == null ? TelemetryStatus.UNAVAILABLE : TelemetryStatus.fromJson(status),
                text(t, "source"), text(t, "reason"), warnings);
    }

    private static KubebenchException invalid(String source, String field, String message) {
        return new KubebenchException(Failure.INVALID_INPUT,
                source + ": " + (field.isEmpty() ? "" : field + ": ") + message);
    }

    private static JsonNode required(JsonNode n, String field, String source) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw invalid(source, field, "required field missing");
        }
        return v;
    }

    private static Iterable<JsonNode> array(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isArray() ? v : List.of();
    }

    private static double num(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static Instant instant(JsonNode n, String field) {
        String s = text(n, field);
        return s == null ? null : Instant.parse(s);
    }

    private static Object scalar(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.canConvertToInt() ? (Object) v.asInt() : (Object) v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        return v.isNull() ? null : v.asString();
    }

    private static void putFinite(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }

    private static void putScalar(ObjectNode o, String k, Object v) {
        if (v == null) {
            o.putNull(k);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            o.put(k, ((Number) v).longValue());
        } else if (v instanceof Number) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d)) {
                o.put(k, d);
            } else {
                o.putNull(k);
            }
        } else if (v instanceof Boolean) {
            o.put(k, (Boolean) v);
        } else {
            o.put(k, v.toString());
        }
    }
}
