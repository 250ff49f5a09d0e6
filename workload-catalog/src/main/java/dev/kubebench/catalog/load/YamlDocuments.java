package dev.kubebench.catalog.load;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a multi-document YAML file, as Kubernetes manifests are written ({@code kubectl apply -f} reads them the same
 * way): documents are split at lines that are {@code ---} (optionally followed by spaces or a comment), and a
 * document that holds only blank lines and comments is ignored. Each document is read by {@link YamlTreeReader} with
 * its line numbers as in the file. A spec file is not such a file: it holds exactly one document.
 */
public final class YamlDocuments {
    private YamlDocuments() {
    }

    /** The file's non-empty documents in order; {@code displayName} is how positions name the file. */
    public static List<Node> readFile(Path file, String displayName) {
        String text;
        try {
            if (Files.size(file) > YamlTreeReader.MAX_BYTES) {
                throw new KubebenchException(Failure.INVALID_INPUT, displayName + ": file is larger than "
                        + YamlTreeReader.MAX_BYTES + " bytes (4 MiB)");
            }
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KubebenchException(Failure.INVALID_INPUT, displayName + ": cannot read: " + e.getMessage());
        }
        List<Node> out = new ArrayList<>();
        for (String document : split(text)) {
            out.add(YamlTreeReader.readText(document, displayName));
        }
        return out;
    }

    /**
     * The documents of {@code text} that hold anything but comments, each padded with the newlines of what came
     * before it so that positions in messages stay those of the file.
     */
    static List<String> split(String text) {
        List<String> documents = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        StringBuilder current = new StringBuilder();
        int startLine = 0;
        boolean content = false;
        for (int i = 0; i <= lines.length; i++) {
            boolean end = i == lines.length;
            String line = end ? "" : lines[i];
            if (end || line.matches("---\\s*(#.*)?\\r?")) {
                if (content) {
                    documents.add("\n".repeat(startLine) + current);
                }
                current.setLength(0);
                content = false;
                startLine = i + 1;
                continue;
            }
            String stripped = line.strip();
            content |= !stripped.isEmpty() && !stripped.startsWith("#") && !stripped.equals("...");
            current.append(line).append('\n');
        }
        return documents;
    }
}
