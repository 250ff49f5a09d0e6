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
 * @param repetitions measured trials per sweep point: a fixed number or an adaptive range with a stopping target
 * @param timeout    per-trial wall-clock limit
 * @param collect    how results are extracted from logs; empty means MLLOG
 * @param gates      regression gates for {@code compare}
 * @param local      how to run the job's replicas as host processes with {@code --local}; null to use job.command
 * @param warmup     warm-up trials per sweep point, run before the measured ones and never in statistics; 0 for none
 * @param order      the order trials run in
 * @param seed       the seed of a {@link TrialOrder#SHUFFLED} order; null for the other orders
 */
public record BenchmarkSpec(
        Workload workload,
        JobSpec job,
        NodePool nodePool,
        Scheduling scheduling,
        List<DataVolume> data,
        Map<String, Object> parameters,
        Sweep sweep,
        Repetitions repetitions,
        Duration timeout,
        List<CollectSpec> collect,
        List<Gate> gates,
        LocalSpec local,
        int warmup,
        TrialOrder order,
        Long seed) {

    public BenchmarkSpec {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(job, "job");
        nodePool = nodePool == null ? NodePool.DEFAULT : nodePool;
        scheduling = scheduling == null ? Scheduling.NONE : scheduling;
        data = List.copyOf(data == null ? List.of() : data);
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        sweep = sweep == null ? Sweep.NONE : sweep;
        Objects.requireNonNull(repetitions, "repetitions");
        if (warmup < 0) {
            throw new IllegalArgumentException("warmup must not be negative, got " + warmup);
        }
        order = order == null ? TrialOrder.SEQUENTIAL : order;
        Objects.requireNonNull(timeout, "timeout");
        collect = List.copyOf(collect == null ? List.of() : collect);
        gates = List.copyOf(gates == null ? List.of() : gates);
    }

    /** A spec with a fixed number of repetitions, no warm-up and the sequential order (as before {@code order}). */
    public BenchmarkSpec(Workload workload, JobSpec job, NodePool nodePool, Scheduling scheduling, List<DataVolume> data,
                         Map<String, Object> parameters, Sweep sweep, int repetitions, Duration timeout,
                         List<CollectSpec> collect, List<Gate> gates, LocalSpec local) {
        this(workload, job, nodePool, scheduling, data, parameters, sweep, Repetitions.fixed(repetitions), timeout,
                collect, gates, local, 0, TrialOrder.SEQUENTIAL, null);
    }

    /** This spec with other parameter values (the plan's resolved spec keeps the base values). */
    public BenchmarkSpec withParameters(Map<String, Object> values) {
        return new BenchmarkSpec(workload, job, nodePool, scheduling, data, values, sweep, repetitions, timeout,
                collect, gates, local, warmup, order, seed);
    }
}
