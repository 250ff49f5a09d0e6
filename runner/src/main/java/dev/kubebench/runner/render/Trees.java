package dev.kubebench.runner.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helpers for the plain object trees the renderer produces: {@code LinkedHashMap<String, Object>} (insertion order is
 * the output order), {@code ArrayList<Object>}, strings, numbers and booleans. Nothing else appears in a tree, so any
 * tree serialises the same way with Jackson YAML or JSON.
 */
final class Trees {
    private Trees() {
    }

    /** An ordered map from alternating keys and values; null values are left out. */
    static Map<String, Object> map(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must pair up");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            putIfPresent(m, (String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /**
     * Puts {@code value} unless it is null, an empty map or an empty list: an absent field and an empty one mean the
     * same to the API server, and leaving them out keeps the rendered objects short.
     */
    static void putIfPresent(Map<String, Object> target, String key, Object value) {
        if (value == null || value instanceof Map && ((Map<?, ?>) value).isEmpty()
                || value instanceof List && ((List<?>) value).isEmpty()) {
            return;
        }
        target.put(key, value);
    }

    /** A mutable deep copy of a tree read from YAML or built by hand. */
    static Object deepCopy(Object node) {
        if (node instanceof Map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<?, ?>) node).forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
            return copy;
        }
        if (node instanceof List) {
            List<Object> copy = new ArrayList<>();
            ((List<?>) node).forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return node;
    }

    /** {@link #deepCopy(Object)} for a map. */
    static Map<String, Object> copyMap(Map<String, ?> map) {
        return asMap(deepCopy(map));
    }

    /** The node as a map of this tree, or null when it is not a map. */
    // Trees only ever hold Map<String, Object> (built here or deep-copied by deepCopy), so the cast is safe.
    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object node) {
        return node instanceof Map ? (Map<String, Object>) node : null;
    }

    /** The node as a list of this tree, or null when it is not a list. */
    // Trees only ever hold List<Object>, so the cast is safe.
    @SuppressWarnings("unchecked")
    static List<Object> asList(Object node) {
        return node instanceof List ? (List<Object>) node : null;
    }

    /** The child map under {@code key}, created (empty, appended last) when absent. */
    static Map<String, Object> child(Map<String, Object> parent, String key) {
        Map<String, Object> existing = asMap(parent.get(key));
        if (existing != null) {
            return existing;
        }
        Map<String, Object> created = new LinkedHashMap<>();
        parent.put(key, created);
        return created;
    }

    /** The child list under {@code key}, created (empty, appended last) when absent. */
    static List<Object> childList(Map<String, Object> parent, String key) {
        List<Object> existing = asList(parent.get(key));
        if (existing != null) {
            return existing;
        }
        List<Object> created = new ArrayList<>();
        parent.put(key, created);
        return created;
    }

    /** A mutable list of the given items. */
    static List<Object> list(List<?> items) {
        return new ArrayList<>(items);
    }

    /** Replaces list entries whose {@code name} matches an addition, appends the rest. */
    static void mergeByName(List<Object> target, List<Object> additions) {
        for (Object addition : additions) {
            Object name = asMap(addition).get("name");
            boolean replaced = false;
            for (int i = 0; i < target.size(); i++) {
                Map<String, Object> existing = asMap(target.get(i));
                if (existing != null && name.equals(existing.get("name"))) {
                    target.set(i, addition);
                    replaced = true;
                    break;
                }
            }
            if (!replaced) {
                target.add(addition);
            }
        }
    }

    /** Appends the additions the list does not hold yet. */
    static void appendMissing(List<Object> target, List<Object> additions) {
        for (Object addition : additions) {
            if (!target.contains(addition)) {
                target.add(addition);
            }
        }
    }

    /** Removes the keys whose value is an empty map or list. */
    static void dropEmpty(Map<String, Object> map, String... keys) {
        for (String key : keys) {
            Object value = map.get(key);
            if (value instanceof Map && ((Map<?, ?>) value).isEmpty()
                    || value instanceof List && ((List<?>) value).isEmpty()) {
                map.remove(key);
            }
        }
    }
}
