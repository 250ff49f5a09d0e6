package dev.kubebench.report;

import dev.kubebench.core.text.Numbers;
import dev.kubebench.report.analysis.plan.CapacityPlan;
import dev.kubebench.report.analysis.plan.ScalePoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The energy columns of the plan tables (text and HTML): energy per sample and per training run, and its cost when an
 * electricity price was given. None when no measurement had {@code energy_per_sample_j}, so plans without telemetry
 * look as before.
 */
public final class PlanEnergy {
    private PlanEnergy() {
    }

    public static List<String> headers(CapacityPlan plan) {
        List<String> h = new ArrayList<>();
        if (plan.hasEnergy()) {
            h.add("J/sample");
            h.add("energy (kWh)");
            if (plan.energyCostUnit() != null) {
                h.add("energy cost (" + plan.energyCostUnit() + ")");
            }
        }
        return h;
    }

    public static List<String> cells(CapacityPlan plan, ScalePoint s) {
        List<String> c = new ArrayList<>();
        if (plan.hasEnergy()) {
            c.add(Numbers.significant(s.energyPerSampleJoules(), 4));
            c.add(Numbers.fixed(s.energyKwh(), 2));
            if (plan.energyCostUnit() != null) {
                c.add(Numbers.fixed(s.energyCost(), 2));
            }
        }
        return c;
    }
}
