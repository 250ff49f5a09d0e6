package dev.kubebench.catalog.load;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The OCI image reference grammar of distribution/reference, the one container runtimes parse:
 * {@code [domain[:port]/]path[:tag][@digest]}. The path's components are lowercase alphanumerics joined by {@code .},
 * {@code _}, {@code __} or dashes; the name (domain and path) is at most 255 characters; a tag is {@code [\w][\w.-]}
 * up to 128 characters; a digest is {@code algorithm:hex} (at least 32 hex digits). The length is checked before
 * anything else, so a reference of megabytes is rejected at once; the patterns have no nested ambiguity, so none
 * backtracks.
 */
final class ImageReferences {
    /** The longest reference accepted: a 255-character name, a 128-character tag and a sha512 digest. */
    static final int MAX_LENGTH = 255 + 1 + 128 + 1 + 7 + 128;
    private static final int MAX_NAME_LENGTH = 255;
    private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern DOMAIN_COMPONENT = Pattern.compile("[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-fA-F:]+\\]");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final Pattern TAG = Pattern.compile("\\w[\\w.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*"
            + ":[0-9a-fA-F]{32,}");

    private ImageReferences() {
    }

    /** Why {@code ref} is not an image reference, or empty when it is one. */
    static Optional<String> problem(String ref) {
        if (ref.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (ref.length() > MAX_LENGTH) {
            return Optional.of("is " + ref.length() + " characters long; an image reference has at most "
                    + MAX_LENGTH);
        }
        String rest = ref;
        int at = rest.indexOf('@');
        if (at >= 0) {
            String digest = rest.substring(at + 1);
            if (!DIGEST.matcher(digest).matches()) {
                return Optional.of("the digest after '@' must be algorithm:hex (e.g. sha256: and 64 hex digits)");
            }
            rest = rest.substring(0, at);
        }
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            String tag = rest.substring(colon + 1);
            if (!TAG.matcher(tag).matches()) {
                return Optional.of("the tag after ':' must be letters, digits, '_', '.' or '-' (not first), "
                        + "at most 128 characters");
            }
            rest = rest.substring(0, colon);
        }
        if (rest.length() > MAX_NAME_LENGTH) {
            return Optional.of("the name is " + rest.length() + " characters long; at most " + MAX_NAME_LENGTH);
        }
        String[] parts = rest.split("/", -1);
        int first = 0;
        if (parts.length > 1 && (parts[0].contains(".") || parts[0].contains(":") || parts[0].equals("localhost")
                || !parts[0].equals(parts[0].toLowerCase(java.util.Locale.ROOT)))) {
            Optional<String> domain = domain(parts[0]);
            if (domain.isPresent()) {
                return domain;
            }
            first = 1;
        }
        for (int i = first; i < parts.length; i++) {
            if (!PATH_COMPONENT.matcher(parts[i]).matches()) {
                return Optional.of(parts[i].isEmpty() ? "has an empty path component"
                        : !parts[i].equals(parts[i].toLowerCase(java.util.Locale.ROOT))
                        ? "path components must be lowercase"
                        : "a path component must be lowercase letters and digits joined by '.', '_', '__' or '-'");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> domain(String domain) {
        String host = domain;
        int colon = domain.lastIndexOf(':');
        if (colon >= 0 && colon > domain.lastIndexOf(']')) {
            if (!PORT.matcher(domain.substring(colon + 1)).matches()) {
                return Optional.of("the registry port must be a number");
            }
            host = domain.substring(0, colon);
        }
        if (IPV6.matcher(host).matches()) {
            return Optional.empty();
        }
        for (String c : host.split("\\.", -1)) {
            if (!DOMAIN_COMPONENT.matcher(c).matches()) {
                return Optional.of("the registry host must be letters, digits and '-' separated by '.'");
            }
        }
        return Optional.empty();
    }
}
