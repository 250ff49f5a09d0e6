package dev.kubebench.collector.telemetry;

import dev.kubebench.core.metric.MetricNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local backend's telemetry of a trial, {@code trials/<n>/local-telemetry.json}: the metrics its /proc and
 * nvidia-smi sampling computed ({@link MetricNames#TELEMETRY} names only) and the sampler's warnings. Written by the
 * runner (docs/local.md, "Telemetry"); absent for Kubernetes trials and when sampling was off.
 */
public final class LocalTelemetryFile {
    public static final String NAME = "local-telemetry.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LocalTelemetryFile() {
    }

    /** Adds the file's metrics (where the trial has none of that name yet) and warnings; nothing when absent. */
    public static void add(Path trialDir, Map<String, Double> metrics, List<String> warnings) {
        Path file = trialDir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return;
        }
        JsonNode doc;
        try {
            doc = JSON.readTree(file.toFile());
        } catch (JacksonException e) {
            warnings.add("telemetry: " + NAME + " is unreadable: " + e.getOriginalMessage());
            return;
        }
        JsonNode values = doc.path("metrics");
        for (String name : MetricNames.TELEMETRY) {
            JsonNode v = values.get(name);
            if (v != null && v.isNumber() && Double.isFinite(v.asDouble())) {
                metrics.putIfAbsent(name, v.asDouble());
            }
        }
        for (JsonNode w : doc.path("warnings")) {
            warnings.add("telemetry: " + w.asString());
        }
    }
}
