package dev.kubebench.runner.render;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads a user's own job manifest ({@code job.manifest}) for {@link ManifestPatcher}. */
final class ManifestLoader {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    /** Largest manifest accepted; real job manifests are a few KiB. */
    private static final long MAX_MANIFEST_BYTES = 4L * 1024 * 1024;

    private ManifestLoader() {
    }

    /**
     * Reads a manifest file as one YAML mapping.
     *
     * @throws KubebenchException (invalid input) when it cannot be read, is not YAML, or is not a single mapping
     */
    static Map<String, Object> load(Path source) {
        Object tree;
        try {
            if (Files.size(source) > MAX_MANIFEST_BYTES) {
                throw new KubebenchException(Failure.INVALID_INPUT, "job.manifest: " + source
                        + " is larger than 4 MiB; a job manifest is a single custom resource");
            }
            tree = YAML.readValue(Files.readString(source), Object.class);
        } catch (IOException e) {
            throw new KubebenchException(Failure.INVALID_INPUT, "job.manifest: cannot read " + source + " ("
                    + e.getClass().getSimpleName() + ")", e);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : e.getLocation().getLineNr() + ":"
                    + e.getLocation().getColumnNr() + ": ";
            throw new KubebenchException(Failure.INVALID_INPUT, source + ":" + where + "not valid YAML: "
                    + oneLine(e.getOriginalMessage()), e);
        }
        Map<String, Object> map = Trees.asMap(Trees.deepCopy(tree));
        if (map == null) {
            throw new KubebenchException(Failure.INVALID_INPUT, source + ": a job manifest must be one YAML mapping "
                    + "(a single Kubernetes object)");
        }
        return map;
    }

    /**
     * The parser's message on one line: SnakeYAML messages span lines, echoing the source line and a caret under
     * it (indented) between the problem statements; the location is already in front.
     */
    static String oneLine(String message) {
        StringBuilder out = new StringBuilder();
        for (String line : message.split("\\R")) {
            if (line.isBlank() || Character.isWhitespace(line.charAt(0))) {
                continue;
            }
            out.append(out.length() == 0 ? "" : "; ").append(line.strip());
        }
        return out.toString();
    }
}
