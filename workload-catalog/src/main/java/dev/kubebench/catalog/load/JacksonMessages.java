package dev.kubebench.catalog.load;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's parser messages in plain words: its processing limits ({@code StreamReadConstraints}) become "nesting too
 * deep", "string value longer than N characters" and so on, and no Java class or method name reaches the user.
 */
final class JacksonMessages {
    private static final Pattern LIMIT = Pattern.compile(
            "(Document nesting depth|String value length|Number value length|Name length|Document length"
                    + "|Token count)\\s*\\((\\d+)\\)\\s*exceeds the maximum allowed\\s*\\((\\d+)[^)]*\\)");
    private static final Pattern CODE = Pattern.compile(
            "\\s*\\((?:from|see)?\\s*`[^`]*`\\)|`[^`]*`|\\b(?:tools\\.jackson|com\\.fasterxml|org\\.snakeyaml)[\\w.$]*"
                    + "|\\b[A-Z]\\w*(?:Constraints|Exception|Feature|Parser|Factory)\\b(?:\\.\\w+\\(\\))?");

    private JacksonMessages() {
    }

    /** {@code message} without class names; a processing limit said in plain words. */
    static String plain(String message) {
        Matcher m = LIMIT.matcher(message);
        if (m.find()) {
            String max = m.group(3);
            return switch (m.group(1)) {
                case "Document nesting depth" -> "nesting too deep (more than " + max + " levels)";
                case "String value length" -> "string value longer than " + max + " characters";
                case "Number value length" -> "number longer than " + max + " digits";
                case "Name length" -> "key longer than " + max + " characters";
                case "Token count" -> "more than " + max + " tokens";
                default -> "document longer than " + max + " characters";
            };
        }
        return CODE.matcher(message).replaceAll("").replaceAll("\\s{2,}", " ").trim();
    }
}
