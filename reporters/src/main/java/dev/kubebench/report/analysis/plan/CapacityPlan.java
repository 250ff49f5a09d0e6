package dev.kubebench.report.analysis.plan;

import java.util.List;

/**
 * A capacity plan over all pools.
 *
 * @param pools              per pool analysis, in input order
 * @param costUnit           currency label of costs, or {@code GPU-h} when no prices were given (cost = GPU-hours)
 * @param targetTimeSeconds  the time-to-train target, NaN for none
 * @param cheapest           the cheapest configuration meeting the target; null without a target or when none does
 * @param frontier           configurations not beaten on both time and cost by another, by ascending time
 * @param warnings           plan-wide problems
 */
public record CapacityPlan(List<PoolPlan> pools, String costUnit, double targetTimeSeconds, ScalePoint cheapest,
                           List<ScalePoint> frontier, List<String> warnings) {
    public CapacityPlan {
        pools = List.copyOf(pools);
        frontier = List.copyOf(frontier);
        warnings = List.copyOf(warnings);
    }
}
