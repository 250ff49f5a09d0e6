package dev.kubebench.catalog.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The value of one environment variable in {@code job.env} or {@code local.env}: a literal string, or a Kubernetes
 * {@code valueFrom} reference that the cluster resolves (and the local backend resolves from
 * {@code --secret-env-file} or kubebench's own environment, never from the spec).
 */
public sealed interface EnvValue {

    /** The field paths Kubernetes accepts in {@code fieldRef} for container env (without the label/annotation keys). */
    List<String> FIELD_PATHS = List.of("metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName",
            "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs");

    /** A literal value, written into the manifest as {@code value}. */
    static EnvValue literal(String value) {
        return new Literal(value);
    }

    /** Literal values, in the map's order. */
    static Map<String, EnvValue> literals(Map<String, String> values) {
        Map<String, EnvValue> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, literal(v)));
        return out;
    }

    /**
     * A literal string.
     *
     * @param value the value, may be empty
     */
    record Literal(String value) implements EnvValue {
        public Literal {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * {@code valueFrom.secretKeyRef}: one key of a Secret in the trial's namespace.
     *
     * @param name     the Secret's name
     * @param key      the key in the Secret
     * @param optional when true a missing Secret or key leaves the variable unset instead of failing
     */
    record SecretKeyRef(String name, String key, boolean optional) implements EnvValue {
        public SecretKeyRef {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * {@code valueFrom.configMapKeyRef}: one key of a ConfigMap in the trial's namespace.
     *
     * @param name     the ConfigMap's name
     * @param key      the key in the ConfigMap
     * @param optional when true a missing ConfigMap or key leaves the variable unset instead of failing
     */
    record ConfigMapKeyRef(String name, String key, boolean optional) implements EnvValue {
        public ConfigMapKeyRef {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * {@code valueFrom.fieldRef}: a field of the pod, one of {@link #FIELD_PATHS} or
     * {@code metadata.labels['KEY']} / {@code metadata.annotations['KEY']}.
     *
     * @param fieldPath the field path
     */
    record FieldRef(String fieldPath) implements EnvValue {
        public FieldRef {
            Objects.requireNonNull(fieldPath, "fieldPath");
        }
    }
}
