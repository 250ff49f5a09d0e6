package dev.kubebench.catalog.spec;

/**
 * Queueing and gang scheduling.
 *
 * @param queue         Kueue LocalQueue name (label {@code kueue.x-k8s.io/queue-name}); null for none
 * @param priorityClass pod priorityClassName; null for none
 * @param gang          gang-schedule all replicas (runPolicy.schedulingPolicy)
 * @param minAvailable  gang minimum; null means all replicas
 * @param schedulerName pod schedulerName (e.g. {@code volcano}); null for the default scheduler
 */
public record Scheduling(String queue, String priorityClass, boolean gang, Integer minAvailable, String schedulerName) {
    public static final Scheduling NONE = new Scheduling(null, null, false, null, null);
}
