package dev.kubebench.runner.render;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.catalog.spec.JobKind;
import dev.kubebench.catalog.spec.JobSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** Replica counts per type in the order they are rendered. */
final class Replicas {
    static final String MPI_LAUNCHER = "Launcher";

    private Replicas() {
    }

    /**
     * The job's replicas in the operator's canonical type order ({@code Master} before {@code Worker}, ...), then any
     * other types in declaration order. An MPIJob without a {@code Launcher} gets one: both MPI operators require
     * exactly one, so there is nothing to choose.
     *
     * @throws KubebenchException when the job has no replicas at all
     */
    static Map<String, Integer> ordered(JobSpec job) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (job.kind() == JobKind.MPI_JOB && !job.replicas().containsKey(MPI_LAUNCHER)) {
            out.put(MPI_LAUNCHER, 1);
        }
        for (String type : job.kind().replicaTypes()) {
            Integer n = job.replicas().get(type);
            if (n != null) {
                out.put(type, n);
            }
        }
        job.replicas().forEach(out::putIfAbsent);
        if (out.values().stream().mapToInt(Integer::intValue).sum() < 1) {
            throw new KubebenchException(Failure.INVALID_INPUT, "job.replicas: a " + job.kind().kindName()
                    + " needs at least one replica");
        }
        return out;
    }

    /** The sum of all replicas. */
    static int total(Map<String, Integer> replicas) {
        return replicas.values().stream().mapToInt(Integer::intValue).sum();
    }
}
