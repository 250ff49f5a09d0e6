package dev.kubebench.core.secret;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Masks secrets in what kubebench writes and prints. Built once per run from the secret values it knows: literal
 * values of environment variables and parameters whose names {@linkplain #secretName look secret}, values resolved
 * from {@code secretKeyRef}, and every value of {@code --secret-env-file}. Each occurrence of such a value, also in
 * its JSON-, HTML- and URL-escaped forms, becomes {@value #MASK}.
 *
 * <p>Values shorter than {@value #MIN_LENGTH} characters are not searched for in free text (masking every "1" would
 * make reports unreadable); {@link #redactTree} still masks them where they are the value of a secret-looking
 * variable or parameter. Immutable and thread-safe.
 */
public final class Redactor {
    /** What a secret is replaced with. */
    public static final String MASK = "***";
    /** The shortest value searched for in free text. */
    public static final int MIN_LENGTH = 4;
    /** Name parts that mark a variable or parameter as secret (matched whole, case-insensitively). */
    public static final List<String> SECRET_PARTS = List.of("TOKEN", "SECRET", "PASSWORD", "PASSWD", "PWD", "KEY",
            "APIKEY", "CREDENTIAL", "CREDENTIALS", "AUTH", "PRIVATE", "COOKIE", "SESSION", "SIGNATURE", "CERT");
    /** Parts that mark a name as secret also at the end of a longer part ({@code PGPASSWORD}, {@code GHTOKEN}). */
    public static final List<String> SECRET_SUFFIXES = List.of("TOKEN", "SECRET", "PASSWORD", "PASSWD", "APIKEY");
    /** A redactor that masks nothing. */
    public static final Redactor NONE = new Redactor(List.of(), List.of());

    /** Splits {@code HF_TOKEN}, {@code aws-secret.key} and {@code apiKey} into their parts. */
    private static final Pattern PARTS = Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])");

    /** The secret values as given. */
    private final List<String> secrets;
    /** What is searched for: each secret and its escaped forms, the longest first. */
    private final List<String> needles;

    private Redactor(List<String> secrets, List<String> needles) {
        this.secrets = secrets;
        this.needles = needles;
    }

    /** A redactor for these secret values (nulls, blanks and values too short for free text are ignored). */
    public static Redactor of(Collection<String> secrets) {
        Set<String> kept = new LinkedHashSet<>();
        Set<String> needles = new LinkedHashSet<>();
        for (String s : secrets) {
            if (s == null || s.isBlank() || s.length() < MIN_LENGTH) {
                continue;
            }
            kept.add(s);
            needles.add(s);
            needles.add(jsonEscaped(s));
            needles.add(htmlEscaped(s));
            needles.add(URLEncoder.encode(s, StandardCharsets.UTF_8));
        }
        List<String> sorted = new ArrayList<>(needles);
        // the longest first, so that a secret containing another is masked whole
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return new Redactor(List.copyOf(kept), List.copyOf(sorted));
    }

    /** This redactor plus more secret values. */
    public Redactor plus(Collection<String> more) {
        List<String> all = new ArrayList<>(secrets);
        all.addAll(more);
        return of(all);
    }

    /**
     * Whether a variable or parameter name looks like it holds a secret: one of its parts (split at {@code _},
     * {@code -}, {@code .} and lower-to-upper case changes) is one of {@link #SECRET_PARTS} or ends with one of
     * {@link #SECRET_SUFFIXES}. {@code HF_TOKEN}, {@code AWS_SECRET_ACCESS_KEY}, {@code apiKey}, {@code PGPASSWORD}
     * and {@code db.password} do; {@code KEYBOARD_LAYOUT}, {@code MAX_TOKENS} and {@code monkey} do not.
     */
    public static boolean secretName(String name) {
        if (name == null) {
            return false;
        }
        for (String part : PARTS.split(name)) {
            String upper = part.toUpperCase(Locale.ROOT);
            if (SECRET_PARTS.contains(upper) || SECRET_SUFFIXES.stream().anyMatch(upper::endsWith)) {
                return true;
            }
        }
        return false;
    }

    /** Whether this redactor masks nothing in free text. */
    public boolean isEmpty() {
        return needles.isEmpty();
    }

    /** The text with every known secret masked; null stays null. */
    public String redact(String text) {
        if (text == null || needles.isEmpty()) {
            return text;
        }
        String out = text;
        for (String n : needles) {
            if (out.contains(n)) {
                out = out.replace(n, MASK);
            }
        }
        return out;
    }

    /**
     * A copy of a plain tree (maps with string keys, lists, strings, numbers, booleans) with every string redacted,
     * and, whatever their length, the values of secret-looking names masked: scalar entries of a mapping called
     * {@code env} or {@code parameters} whose key looks secret, and {@code value} of an {@code env} list entry whose
     * {@code name} looks secret (a Kubernetes container env). A {@code valueFrom} reference is kept: it holds no
     * secret.
     */
    public Object redactTree(Object node) {
        return redactTree(node, false);
    }

    private Object redactTree(Object node, boolean namedValues) {
        if (node instanceof Map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            Map<?, ?> map = (Map<?, ?>) node;
            Object name = map.get("name");
            boolean envEntry = namedValues && name instanceof String && secretName((String) name);
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                Object value = e.getValue();
                boolean scalar = value instanceof String || value instanceof Number || value instanceof Boolean;
                if (scalar && (namedValues && secretName(key) || envEntry && key.equals("value"))) {
                    copy.put(redact(key), MASK);
                } else {
                    boolean children = key.equals("env") || key.equals("parameters");
                    copy.put(redact(key), redactTree(value, children));
                }
            }
            return copy;
        }
        if (node instanceof List) {
            List<Object> copy = new ArrayList<>();
            for (Object item : (List<?>) node) {
                copy.add(redactTree(item, namedValues));
            }
            return copy;
        }
        return node instanceof String ? redact((String) node) : node;
    }

    private static String jsonEscaped(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private static String htmlEscaped(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
