package dev.kubebench.runner.render;

import dev.kubebench.core.secret.Redactor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes rendered trials as text: multi-document YAML ({@code kubectl apply -f}-ready, one {@code ---} document per
 * object, a comment line per trial) or a JSON array of {@code {trial, point, repetition, job, objects}}. Output is
 * deterministic: key order is the render order and nothing depends on the clock.
 */
public final class ManifestWriter {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
            .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private ManifestWriter() {
    }

    /** All trials as one multi-document YAML stream. */
    public static String toYaml(List<RenderedTrial> trials) {
        return toYaml(trials, null);
    }

    /**
     * All trials as one multi-document YAML stream, with secrets masked ({@link Redactor#redactTree}); null writes
     * them as they are.
     */
    public static String toYaml(List<RenderedTrial> trials, Redactor redactor) {
        StringBuilder out = new StringBuilder();
        for (RenderedTrial trial : trials) {
            out.append(toYaml(trial, redactor));
        }
        return out.toString();
    }

    /**
     * One trial: a comment header naming the trial, its sweep point and repetition and the job, then each object as a
     * document that starts with {@code ---}.
     */
    public static String toYaml(RenderedTrial trial) {
        return toYaml(trial, null);
    }

    /**
     * One trial as {@link #toYaml(RenderedTrial)} writes it, with secrets masked ({@link Redactor#redactTree}); null
     * writes it as it is.
     */
    public static String toYaml(RenderedTrial trial, Redactor redactor) {
        StringBuilder out = new StringBuilder();
        out.append("# trial ").append(trial.trial().index());
        String point = trial.trial().pointLabel();
        if (!point.isEmpty()) {
            out.append(", point ").append(redactor == null ? point : redactor.redact(point));
        }
        out.append(", repetition ").append(trial.trial().repetition())
                .append(": ").append(trial.job().get("kind")).append(' ').append(trial.jobName()).append('\n');
        for (Map<String, Object> object : trial.objects()) {
            Object written = redactor == null ? object : redactor.redactTree(object);
            out.append("---\n").append(YAML.writeValueAsString(written));
        }
        return out.toString();
    }

    /** One object as a YAML document body (no {@code ---}), ending in a newline. */
    public static String objectYaml(Map<String, Object> object) {
        return YAML.writeValueAsString(object);
    }

    /** All trials as a JSON array of {@code {trial, point, repetition, job, objects}}, ending in a newline. */
    public static String toJson(List<RenderedTrial> trials) {
        return toJson(trials, null);
    }

    /**
     * All trials as {@link #toJson(List)} writes them, with secrets masked ({@link Redactor#redactTree}); null writes
     * them as they are.
     */
    public static String toJson(List<RenderedTrial> trials, Redactor redactor) {
        List<Object> out = new ArrayList<>();
        for (RenderedTrial t : trials) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("trial", t.trial().index());
            entry.put("point", t.trial().point());
            entry.put("repetition", t.trial().repetition());
            entry.put("job", t.jobName());
            entry.put("objects", t.objects());
            out.add(entry);
        }
        return JSON.writeValueAsString(redactor == null ? out : redactor.redactTree(out)) + "\n";
    }
}
