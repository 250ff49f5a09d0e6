package dev.kubebench.catalog.load;

import dev.kubebench.catalog.spec.EnvValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Binds an {@code env} mapping ({@code spec.job.env}, {@code spec.local.env}): each value is a string or
 * {@code {valueFrom: {secretKeyRef: {name, key, optional}}}}, {@code {valueFrom: {configMapKeyRef: {name, key,
 * optional}}}} or {@code {valueFrom: {fieldRef: {fieldPath}}}}, checked as the API server would. Messages never
 * quote a value: it may be a secret.
 */
final class EnvBinder {
    private static final List<String> VALUE_FROM = List.of("valueFrom");
    private static final List<String> SOURCES = List.of("secretKeyRef", "configMapKeyRef", "fieldRef");
    private static final List<String> KEY_REF = List.of("name", "key", "optional");
    private static final List<String> FIELD_REF = List.of("fieldPath", "apiVersion");
    private static final Pattern LABEL_PATH =
            Pattern.compile("metadata\\.(labels|annotations)\\['[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?'\\]");

    private EnvBinder() {
    }

    /** The variables of {@code owner.key} in order; null when absent. Problems go to the owner's {@link Problems}. */
    static Map<String, EnvValue> bind(Fields owner, String key) {
        List<Node.Entry> entries = owner.entries(key);
        if (!owner.has(key)) {
            return null;
        }
        Map<String, EnvValue> out = new LinkedHashMap<>();
        for (Node.Entry e : entries) {
            String where = owner.child(key) + "." + e.key();
            owner.marks().put(where, e.value().mark());
            if (!Names.isEnvName(e.key())) {
                owner.problems().add(e.value().mark(), where, "not a valid environment variable name");
            }
            EnvValue v = value(owner, e.value(), where);
            if (v instanceof EnvValue.Literal literal) {
                owner.noNul(key + "." + e.key(), literal.value());
            }
            if (v != null) {
                out.put(e.key(), v);
            }
        }
        return out;
    }

    private static EnvValue value(Fields owner, Node n, String where) {
        if (n instanceof Node.ScalarNode && !((Node.ScalarNode) n).isNull()) {
            return EnvValue.literal(((Node.ScalarNode) n).text());
        }
        if (!(n instanceof Node.MapNode)) {
            owner.problems().add(n.mark(), where, "expected a string or {valueFrom: {secretKeyRef | configMapKeyRef"
                    + " | fieldRef: ...}}, got " + n.typeName());
            return null;
        }
        Fields v = Fields.of(n, where, owner.problems(), owner.marks(), VALUE_FROM);
        Node from = v.node("valueFrom");
        if (from == null) {
            if (v.map().entries().isEmpty()) {
                v.missing("valueFrom");
            }
            return null;
        }
        Fields source = Fields.of(from, where + ".valueFrom", owner.problems(), owner.marks(), SOURCES);
        List<String> given = SOURCES.stream().filter(source::has).toList();
        if (given.isEmpty() && !source.map().entries().isEmpty()) {
            return null; // only unknown kinds, reported with a suggestion
        }
        if (given.size() != 1) {
            owner.problems().add(from.mark(), where + ".valueFrom", "expected exactly one of "
                    + String.join(", ", SOURCES) + (given.isEmpty() ? "" : ", got " + String.join(" and ", given)));
            return null;
        }
        String kind = given.get(0);
        if (kind.equals("fieldRef")) {
            Fields f = source.object(kind, FIELD_REF);
            String path = f.requiredString("fieldPath");
            String apiVersion = f.string("apiVersion");
            if (apiVersion != null && !apiVersion.equals("v1")) {
                f.problem("apiVersion", "fieldRef supports apiVersion v1 only");
            }
            if (path == null) {
                return null;
            }
            if (!EnvValue.FIELD_PATHS.contains(path) && !LABEL_PATH.matcher(path).matches()) {
                f.problem("fieldPath", "unsupported field path '" + path + "'; expected one of "
                        + String.join(", ", EnvValue.FIELD_PATHS) + ", metadata.labels['KEY'] or"
                        + " metadata.annotations['KEY']" + Suggestions.hint(path, EnvValue.FIELD_PATHS));
                return null;
            }
            return new EnvValue.FieldRef(path);
        }
        Fields ref = source.object(kind, KEY_REF);
        String name = ref.requiredString("name");
        String refKey = ref.requiredString("key");
        Boolean optional = ref.bool("optional");
        if (name != null && !Names.isDns1123Subdomain(name)) {
            ref.problem("name", "'" + name + "' is not a valid " + (kind.equals("secretKeyRef") ? "Secret"
                    : "ConfigMap") + " name (lowercase letters, digits, '-' and '.')");
            name = null;
        }
        if (refKey != null && !Names.isConfigMapKey(refKey)) {
            ref.problem("key", "'" + refKey + "' is not a valid key (letters, digits, '-', '_', '.')");
            refKey = null;
        }
        if (name == null || refKey == null) {
            return null;
        }
        boolean opt = optional != null && optional;
        return kind.equals("secretKeyRef") ? new EnvValue.SecretKeyRef(name, refKey, opt)
                : new EnvValue.ConfigMapKeyRef(name, refKey, opt);
    }
}
