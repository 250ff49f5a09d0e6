package dev.kubebench.report.json;

import dev.kubebench.report.analysis.plan.CapacityPlan;
import dev.kubebench.report.analysis.plan.PoolPlan;
import dev.kubebench.report.analysis.plan.ScalePoint;
import dev.kubebench.report.analysis.plan.UslFit;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The plan as JSON: {@code pools[]} each with {@code pool, sigma, kappa, lambda, r2, peak_gpus} (null without a fit,
 * peak_gpus null when unbounded), their standard errors, measured and projected points; then {@code cheapest} and
 * {@code frontier}.
 */
public final class PlanJson {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private PlanJson() {
    }

    public static String render(CapacityPlan plan) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("cost_unit", plan.costUnit());
        if (plan.energyCostUnit() != null) {
            root.put("energy_cost_unit", plan.energyCostUnit());
        }
        num(root, "target_time_s", plan.targetTimeSeconds());
        ArrayNode pools = root.putArray("pools");
        for (PoolPlan p : plan.pools()) {
            ObjectNode n = pools.addObject();
            n.put("pool", p.pool());
            UslFit f = p.fit();
            num(n, "sigma", f == null ? Double.NaN : f.model().sigma());
            num(n, "kappa", f == null ? Double.NaN : f.model().kappa());
            num(n, "lambda", f == null ? Double.NaN : f.model().lambda());
            num(n, "r2", f == null ? Double.NaN : f.r2());
            num(n, "peak_gpus", f == null ? Double.NaN : f.model().peakGpus());
            num(n, "sigma_error", f == null ? Double.NaN : f.sigmaError());
            num(n, "kappa_error", f == null ? Double.NaN : f.kappaError());
            num(n, "lambda_error", f == null ? Double.NaN : f.lambdaError());
            if (p.gpuType() == null) {
                n.putNull("gpu_type");
            } else {
                n.put("gpu_type", p.gpuType());
            }
            num(n, "price_per_gpu_hour", p.pricePerGpuHour());
            num(n, "samples_to_train", p.samplesToTrain());
            points(n.putArray("measured"), p.measured(), plan.hasEnergy());
            points(n.putArray("projected"), p.projected(), plan.hasEnergy());
            ArrayNode w = n.putArray("warnings");
            p.warnings().forEach(w::add);
        }
        if (plan.cheapest() == null) {
            root.putNull("cheapest");
        } else {
            point(root.putObject("cheapest"), plan.cheapest());
        }
        points(root.putArray("frontier"), plan.frontier(), plan.hasEnergy());
        ArrayNode w = root.putArray("warnings");
        plan.warnings().forEach(w::add);
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    private static void points(ArrayNode arr, List<ScalePoint> points, boolean energy) {
        for (ScalePoint s : points) {
            ObjectNode n = arr.addObject();
            point(n, s);
            if (energy) {
                num(n, "energy_per_sample_j", s.energyPerSampleJoules());
                num(n, "energy_kwh", s.energyKwh());
                num(n, "energy_cost", s.energyCost());
            }
        }
    }

    private static void point(ObjectNode n, ScalePoint s) {
        n.put("pool", s.pool());
        n.put("gpus", s.gpus());
        n.put("projected", s.projected());
        num(n, "throughput_samples_per_s", s.throughput());
        num(n, "throughput_low", s.throughputLow());
        num(n, "throughput_high", s.throughputHigh());
        num(n, "throughput_per_gpu", s.throughputPerGpu());
        num(n, "speedup", s.speedup());
        num(n, "efficiency", s.efficiency());
        num(n, "time_to_train_s", s.timeToTrainSeconds());
        num(n, "gpu_hours", s.gpuHours());
        num(n, "cost", s.cost());
        n.put("extrapolated", s.extrapolated());
    }

    private static void num(ObjectNode n, String field, double v) {
        if (Double.isFinite(v)) {
            n.put(field, v);
        } else {
            n.putNull(field);
        }
    }
}
