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
 * @param energyCostUnit     currency label of energy costs (the price table's, else {@code cost}); null without an
 *                           electricity price
 */
public record CapacityPlan(List<PoolPlan> pools, String costUnit, double targetTimeSeconds, ScalePoint cheapest,
                           List<ScalePoint> frontier, List<String> warnings, String energyCostUnit) {
    public CapacityPlan {
        pools = List.copyOf(pools);
        frontier = List.copyOf(frontier);
        warnings = List.copyOf(warnings);
    }

    /** Whether any configuration has an energy per sample (the outputs show energy columns only then). */
    public boolean hasEnergy() {
        return pools.stream().flatMap(p -> java.util.stream.Stream.concat(p.measured().stream(), p.projected().stream()))
                .anyMatch(s -> Double.isFinite(s.energyPerSampleJoules()));
    }
}
