package dev.kubebench.runner.local;

import java.util.Objects;

/**
 * One replica of a job: a pod on a cluster, a process under {@code --local}.
 *
 * @param type  the replica type in canonical CamelCase ({@code Master}, {@code Worker}, {@code Node}...)
 * @param index the 0-based index within its type
 * @param pod   the pod name the operator would give it, e.g. {@code myjob-master-0}; also the log file's base name
 */
public record Replica(String type, int index, String pod) {
    public Replica {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(pod, "pod");
        if (index < 0) {
            throw new IllegalArgumentException("replica index must not be negative");
        }
    }
}
