package dev.kubebench.runner.render;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ConfigMap {@code <job>-files} that ships {@code job.files} to every replica: UTF-8 text under {@code data},
 * anything else base64-encoded under {@code binaryData}, keyed by the file name the pods see.
 */
final class FilesConfigMap {
    /** The API server rejects a ConfigMap whose data and binaryData together exceed 1 MiB. */
    static final long MAX_BYTES = 1024 * 1024;

    private FilesConfigMap() {
    }

    /** The ConfigMap's name for a job. */
    static String name(String jobName) {
        return jobName + "-files";
    }

    /**
     * Reads every file and builds the ConfigMap.
     *
     * @throws KubebenchException (invalid input) when a file cannot be read or the files exceed 1 MiB together
     */
    static Map<String, Object> render(RenderContext ctx, Map<String, Path> files) {
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Object> binaryData = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<String, Path> file : files.entrySet()) {
            byte[] bytes = read(file.getKey(), file.getValue());
            total += bytes.length;
            String text = utf8(bytes);
            if (text != null) {
                data.put(file.getKey(), text);
            } else {
                binaryData.put(file.getKey(), Base64.getEncoder().encodeToString(bytes));
            }
        }
        if (total > MAX_BYTES) {
            throw new KubebenchException(Failure.INVALID_INPUT, "job.files: " + total
                    + " bytes in total; a ConfigMap holds at most 1 MiB (1048576 bytes): put large files on a data volume");
        }
        return Trees.map("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", ctx.objectMetadata(ctx.filesConfigMapName(), false),
                "data", data, "binaryData", binaryData);
    }

    private static byte[] read(String name, Path path) {
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw new KubebenchException(Failure.INVALID_INPUT, "job.files." + name + ": " + path
                        + " is larger than 1 MiB, the most a ConfigMap holds: put it on a data volume");
            }
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new KubebenchException(Failure.INVALID_INPUT, "job.files." + name + ": cannot read " + path + " ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    /** The bytes as a string when they are valid UTF-8, else null. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
