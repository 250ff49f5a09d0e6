package dev.kubebench.catalog.spec;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The resolved {@code spec:} block of a benchmark.
 *
 * @param workload   what is measured and, for time-to-train, the quality target
 * @param job        what to run and how it is shaped
 * @param nodePool   where replicas are placed
 * @param scheduling Kueue queue, priority and gang scheduling
 * @param data       volumes mounted into every replica
 * @param parameters parameter values after sweep-point and {@code --set} substitution (strings, numbers, booleans)
 * @param sweep      the sweep the plan was expanded from (kept for reports)
 * @param repetitions repetitions per sweep point, at least 1
 * @param timeout    per-trial wall-clock limit
 * @param collect    how results are extracted from logs; empty means MLLOG
 * @param gates      regression gates for {@code compare}
 * @param local      how to run the job's replicas as host processes with {@code --local}; null to use job.command
 */
public record BenchmarkSpec(
        Workload workload,
        JobSpec job,
        NodePool nodePool,
        Scheduling scheduling,
        List<DataVolume> data,
        Map<String, Object> parameters,
        Sweep sweep,
        int repetitions,
        Duration timeout,
        List<CollectSpec> collect,
        List<Gate> gates,
        LocalSpec local) {

    public BenchmarkSpec {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(job, "job");
        nodePool = nodePool == null ? NodePool.DEFAULT : nodePool;
        scheduling = scheduling == null ? Scheduling.NONE : scheduling;
        data = List.copyOf(data == null ? List.of() : data);
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        sweep = sweep == null ? Sweep.NONE : sweep;
        if (repetitions < 1) {
            throw new IllegalArgumentException("repetitions must be at least 1, got " + repetitions);
        }
        Objects.requireNonNull(timeout, "timeout");
        collect = List.copyOf(collect == null ? List.of() : collect);
        gates = List.copyOf(gates == null ? List.of() : gates);
    }
}
