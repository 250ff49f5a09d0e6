package dev.kubebench.runner.render;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.kubebench.catalog.spec.JobKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads a user's own job manifest ({@code job.manifest}) for {@link ManifestPatcher} and {@link ManifestCompanions}. */
final class ManifestLoader {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    /** Largest manifest accepted; real job manifests are a few KiB. */
    private static final long MAX_MANIFEST_BYTES = 4L * 1024 * 1024;

    private ManifestLoader() {
    }

    /**
     * A manifest file's objects: the job (the one object of a kind kubebench runs) and the others, in file order.
     *
     * @param job    the job, to be patched
     * @param others the other objects (a TrainingRuntime, a ConfigMap...), created before the job
     */
    record Objects(Map<String, Object> job, List<Map<String, Object>> others) {
    }

    /**
     * Reads a manifest file of one or more YAML documents, as {@code kubectl apply -f} takes them; empty and
     * comment-only documents are ignored.
     *
     * @throws KubebenchException (invalid input) when it cannot be read, is not YAML, a document is not a mapping, or
     *         not exactly one object is of a job kind
     */
    static Objects load(Path source) {
        List<Map<String, Object>> documents = new ArrayList<>();
        try {
            if (Files.size(source) > MAX_MANIFEST_BYTES) {
                throw new KubebenchException(Failure.INVALID_INPUT, "job.manifest: " + source
                        + " is larger than 4 MiB; a job manifest holds a few Kubernetes objects");
            }
            try (MappingIterator<Object> it = YAML.readerFor(Object.class).readValues(Files.readString(source))) {
                while (it.hasNextValue()) {
                    Object tree = it.nextValue();
                    if (tree == null) {
                        continue; // an empty or comment-only document
                    }
                    Map<String, Object> map = Trees.asMap(Trees.deepCopy(tree));
                    if (map == null) {
                        throw new KubebenchException(Failure.INVALID_INPUT, source + ": document "
                                + (documents.size() + 1) + " is not a Kubernetes object (a YAML mapping)");
                    }
                    documents.add(map);
                }
            }
        } catch (IOException e) {
            throw new KubebenchException(Failure.INVALID_INPUT, "job.manifest: cannot read " + source + " ("
                    + e.getClass().getSimpleName() + ")", e);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : e.getLocation().getLineNr() + ":"
                    + e.getLocation().getColumnNr() + ": ";
            throw new KubebenchException(Failure.INVALID_INPUT, source + ":" + where + "not valid YAML: "
                    + oneLine(e.getOriginalMessage()), e);
        }
        List<Map<String, Object>> jobs = documents.stream()
                .filter(d -> JobKind.byKindName(String.valueOf(d.get("kind"))).isPresent()).toList();
        if (jobs.isEmpty() && documents.size() == 1) {
            // its kind is not one kubebench runs; the patcher says so, naming it
            return new Objects(documents.get(0), List.of());
        }
        if (jobs.size() != 1) {
            throw new KubebenchException(Failure.INVALID_INPUT, source + ": a job manifest holds exactly one object "
                    + "of a job kind (" + jobs.size() + " found among " + documents.size() + " document(s))");
        }
        List<Map<String, Object>> others = new ArrayList<>(documents);
        others.remove(jobs.get(0));
        return new Objects(jobs.get(0), others);
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
