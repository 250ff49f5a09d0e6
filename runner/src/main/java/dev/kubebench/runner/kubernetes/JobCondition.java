package dev.kubebench.runner.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of a job's {@code status.conditions}, read from the untyped resource. The kubeflow.org kinds keep every
 * transition in the list (reference 1.4), so callers look a type up rather than taking the last element.
 *
 * @param type               condition type
 * @param status             {@code True}, {@code False} or {@code Unknown}
 * @param reason             machine reason, may be null
 * @param message            human message, may be null
 * @param lastTransitionTime when it last changed, null if absent or unparseable
 */
record JobCondition(String type, String status, String reason, String message, Instant lastTransitionTime) {

    boolean isTrue() {
        return "True".equals(status);
    }

    /** The conditions of a job, in list order; empty without a status. */
    static List<JobCondition> of(GenericKubernetesResource job) {
        List<JobCondition> out = new ArrayList<>();
        Object status = job.getAdditionalProperties().get("status");
        if (!(status instanceof Map)) {
            return out;
        }
        Object conditions = ((Map<?, ?>) status).get("conditions");
        if (!(conditions instanceof List)) {
            return out;
        }
        for (Object o : (List<?>) conditions) {
            if (o instanceof Map) {
                Map<?, ?> m = (Map<?, ?>) o;
                out.add(new JobCondition(str(m.get("type")), str(m.get("status")), str(m.get("reason")),
                        str(m.get("message")), time(str(m.get("lastTransitionTime")))));
            }
        }
        return out;
    }

    /** The condition of the given type with status True, if any. */
    static Optional<JobCondition> findTrue(List<JobCondition> conditions, String type) {
        return conditions.stream().filter(c -> type.equals(c.type()) && c.isTrue()).findFirst();
    }

    /** The condition of the given type, whatever its status. */
    static Optional<JobCondition> find(List<JobCondition> conditions, String type) {
        return conditions.stream().filter(c -> type.equals(c.type())).findFirst();
    }

    /** True when the job's spec asks to be suspended ({@code spec.suspend} or {@code spec.runPolicy.suspend}). */
    static boolean suspendedBySpec(GenericKubernetesResource job) {
        if (!(job.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec)) {
            return false;
        }
        Object nested = spec.get("runPolicy") instanceof Map<?, ?> runPolicy ? runPolicy.get("suspend") : null;
        return Boolean.TRUE.equals(spec.get("suspend")) || Boolean.TRUE.equals(nested);
    }

    /** {@code reason: message} on one line, either part optional. */
    String describe() {
        String r = reason == null ? "" : reason;
        String m = message == null ? "" : message.replaceAll("\\s+", " ").trim();
        if (r.isEmpty()) {
            return m.isEmpty() ? type : m;
        }
        return m.isEmpty() ? r : r + ": " + m;
    }

    static Instant time(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
