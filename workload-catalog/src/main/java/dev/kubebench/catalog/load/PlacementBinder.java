package dev.kubebench.catalog.load;

import dev.kubebench.catalog.spec.DataVolume;
import dev.kubebench.catalog.spec.NodePool;
import dev.kubebench.catalog.spec.Scheduling;
import dev.kubebench.catalog.spec.Toleration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Binds where a trial runs: {@code spec.nodePool} (selector, tolerations, affinity), {@code spec.scheduling} and {@code spec.data}. */
final class PlacementBinder {
    private final Problems problems;
    private final Map<String, Mark> marks;

    PlacementBinder(Problems problems, Map<String, Mark> marks) {
        this.problems = problems;
        this.marks = marks;
    }

    NodePool nodePool(Fields p) {
        if (p == null) {
            return NodePool.DEFAULT;
        }
        String name = p.string("name");
        Map<String, String> selector = p.stringMap("nodeSelector");
        if (selector != null) {
            for (String key : selector.keySet()) {
                if (!Names.isQualifiedName(key)) {
                    String where = "spec.nodePool.nodeSelector." + key;
                    problems.add(marks.get(where), where, "not a valid node label key");
                }
            }
        }
        List<Toleration> tolerations = new ArrayList<>();
        List<Node> items = p.items("tolerations");
        for (int i = 0; i < items.size(); i++) {
            Toleration t = toleration(Fields.of(items.get(i), "spec.nodePool.tolerations[" + i + "]", problems,
                    marks, SpecFields.TOLERATION));
            if (t != null) {
                tolerations.add(t);
            }
        }
        Map<String, Object> affinity = null;
        Fields aff = p.object("affinity", SpecFields.AFFINITY);
        if (aff != null) {
            @SuppressWarnings("unchecked") // Node.MapNode.toPlain always returns Map<String, Object>
            Map<String, Object> plain = (Map<String, Object>) aff.map().toPlain();
            affinity = plain;
        }
        String gpuResource = p.string("gpuResource");
        if (gpuResource != null && !Names.isQualifiedName(gpuResource)) {
            p.problem("gpuResource", "'" + gpuResource + "' is not a valid resource name (e.g. nvidia.com/gpu)");
        }
        Integer gpusPerNode = p.integer("gpusPerNode", 1, 1024);
        return new NodePool(name, selector, tolerations, affinity, gpuResource, gpusPerNode);
    }

    private Toleration toleration(Fields t) {
        String operator = t.string("operator");
        if (operator != null && !List.of("Exists", "Equal").contains(operator)) {
            t.problem("operator", "unknown operator '" + operator + "'"
                    + Suggestions.hint(operator, List.of("Exists", "Equal")));
        }
        String value = t.string("value");
        if ("Exists".equals(operator) && value != null && !value.isEmpty()) {
            t.problem("value", "must be empty when operator is Exists");
        }
        String effect = t.string("effect");
        List<String> effects = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");
        if (effect != null && !effects.contains(effect)) {
            t.problem("effect", "unknown effect '" + effect + "'" + Suggestions.hint(effect, effects));
        }
        String key = t.string("key");
        if (key == null && !"Exists".equals(operator)) {
            t.problem("key", "a toleration without a key needs operator: Exists");
        }
        Integer seconds = t.integer("tolerationSeconds", 0, Integer.MAX_VALUE);
        return new Toleration(key, operator, value, effect, seconds == null ? null : Long.valueOf(seconds));
    }

    Scheduling scheduling(Fields s) {
        if (s == null) {
            return Scheduling.NONE;
        }
        String queue = s.string("queue");
        if (queue != null && (queue.isEmpty() || !Names.isLabelValue(queue))) {
            s.problem("queue", "'" + queue + "' is not a valid Kueue queue name (a label value: at most 63"
                    + " characters, letters, digits, '-', '_', '.')");
        }
        String priorityClass = s.string("priorityClass");
        if (priorityClass != null && !Names.isDns1123Subdomain(priorityClass)) {
            s.problem("priorityClass", "'" + priorityClass + "' is not a valid PriorityClass name (DNS-1123 subdomain)");
        }
        Boolean gang = s.bool("gang");
        Integer minAvailable = s.integer("minAvailable", 1, Integer.MAX_VALUE);
        String schedulerName = s.string("schedulerName");
        if (schedulerName != null && !Names.isDns1123Subdomain(schedulerName)) {
            s.problem("schedulerName", "'" + schedulerName + "' is not a valid scheduler name");
        }
        return new Scheduling(queue, priorityClass, gang != null && gang, minAvailable, schedulerName);
    }

    List<DataVolume> data(Fields spec) {
        List<DataVolume> out = new ArrayList<>();
        List<Node> items = spec.items("data");
        for (int i = 0; i < items.size(); i++) {
            Fields d = Fields.of(items.get(i), "spec.data[" + i + "]", problems, marks, SpecFields.DATA_VOLUME);
            String name = d.requiredString("name");
            if (name != null && !Names.isDns1123Label(name)) {
                d.problem("name", "'" + name + "' is not a valid volume name (DNS-1123 label: at most 63 lowercase"
                        + " letters, digits and '-', starting and ending with a letter or digit)");
            }
            String claim = d.requiredString("claim");
            if (claim != null && !Names.isDns1123Subdomain(claim)) {
                d.problem("claim", "'" + claim + "' is not a valid PersistentVolumeClaim name (DNS-1123 subdomain)");
            }
            String mountPath = d.requiredString("mountPath");
            if (mountPath != null && !mountPath.startsWith("/")) {
                d.problem("mountPath", "must be an absolute path, got '" + mountPath + "'");
            }
            Boolean readOnly = d.bool("readOnly");
            if (name != null && claim != null && mountPath != null) {
                out.add(new DataVolume(name, claim, mountPath, readOnly != null && readOnly));
            }
        }
        return out;
    }
}
