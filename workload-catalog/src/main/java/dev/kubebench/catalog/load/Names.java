package dev.kubebench.catalog.load;

import java.util.regex.Pattern;

/** Kubernetes name syntaxes (apimachinery validation) used by spec validation. */
final class Names {
    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_1123_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
    private static final Pattern QUALIFIED_NAME_PART = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");
    private static final Pattern CONFIG_MAP_KEY = Pattern.compile("[-._a-zA-Z0-9]+");

    private Names() {
    }

    /** A DNS-1123 label: at most 63 lowercase alphanumerics or '-', alphanumeric at both ends. */
    static boolean isDns1123Label(String s) {
        return s.length() <= 63 && DNS_1123_LABEL.matcher(s).matches();
    }

    /** A DNS-1123 subdomain: dot-separated labels, at most 253 characters. */
    static boolean isDns1123Subdomain(String s) {
        return s.length() <= 253 && DNS_1123_SUBDOMAIN.matcher(s).matches();
    }

    /** A label value: empty, or at most 63 characters of alphanumerics, '-', '_', '.', alphanumeric at both ends. */
    static boolean isLabelValue(String s) {
        return s.length() <= 63 && LABEL_VALUE.matcher(s).matches();
    }

    /** A qualified name such as {@code nvidia.com/gpu.product}: an optional DNS subdomain prefix and a name. */
    static boolean isQualifiedName(String s) {
        int slash = s.indexOf('/');
        String name = slash < 0 ? s : s.substring(slash + 1);
        if (slash >= 0) {
            String prefix = s.substring(0, slash);
            if (prefix.isEmpty() || !isDns1123Subdomain(prefix)) {
                return false;
            }
        }
        return !name.isEmpty() && name.length() <= 63 && QUALIFIED_NAME_PART.matcher(name).matches();
    }

    /** An environment variable name as Kubernetes accepts it. */
    static boolean isEnvName(String s) {
        return ENV_NAME.matcher(s).matches();
    }

    /** A ConfigMap key (a shipped file's name). */
    static boolean isConfigMapKey(String s) {
        return s.length() <= 253 && CONFIG_MAP_KEY.matcher(s).matches() && !s.equals(".") && !s.equals("..");
    }
}
