package dev.kubebench.report.analysis.plan;

import dev.kubebench.report.analysis.stats.Descriptive;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds a {@link CapacityPlan}: per pool scaling efficiency, a USL fit with projections, GPU-hours and cost, energy
 * per sample and per training run with its cost when runs measured {@code energy_per_sample_j}, the
 * cheapest configuration that meets a time-to-train target and the time/cost Pareto frontier. Both consider
 * measured scales and projections within the warning range, never far extrapolations.
 */
public final class CapacityPlanner {
    /** Fits with R² below this get a warning. */
    static final double POOR_FIT_R2 = 0.9;
    private static final int MAX_PROJECTION = 4096;
    private static final double JOULES_PER_KWH = 3.6e6;

    private final PlanSettings settings;
    private final PriceTable prices;

    /** @param prices the user's price table, or null to count costs in GPU-hours */
    public CapacityPlanner(PlanSettings settings, PriceTable prices) {
        this.settings = settings;
        this.prices = prices;
    }

    public CapacityPlan plan(List<Measurement> measurements) {
        Map<String, List<Measurement>> byPool = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            byPool.computeIfAbsent(m.pool(), k -> new ArrayList<>()).add(m);
        }
        List<PoolPlan> pools = new ArrayList<>();
        List<ScalePoint> all = new ArrayList<>();
        for (Map.Entry<String, List<Measurement>> e : byPool.entrySet()) {
            PoolPlan p = pool(e.getKey(), e.getValue());
            pools.add(p);
            all.addAll(p.measured());
            all.addAll(p.projected());
        }
        List<String> warnings = new ArrayList<>();
        boolean anyTime = all.stream().anyMatch(p -> Double.isFinite(p.timeToTrainSeconds()));
        if (!anyTime) {
            warnings.add("no time to train known: add a time_to_train_s column or pass --samples-to-train;"
                    + " GPU-hours, cost, target and frontier need it");
        }
        ScalePoint cheapest = null;
        if (Double.isFinite(settings.targetTimeSeconds())) {
            for (ScalePoint p : all) {
                if (!p.extrapolated() && p.timeToTrainSeconds() <= settings.targetTimeSeconds()
                        && Double.isFinite(p.cost())
                        && (cheapest == null || p.cost() < cheapest.cost()
                            || p.cost() == cheapest.cost() && p.timeToTrainSeconds() < cheapest.timeToTrainSeconds())) {
                    cheapest = p;
                }
            }
            if (cheapest == null && anyTime) {
                warnings.add(String.format(Locale.ROOT, "no configuration meets the target of %.0f s",
                        settings.targetTimeSeconds()));
            }
        }
        String unit = prices == null ? "GPU-h" : prices.currency().isEmpty() ? "cost" : prices.currency();
        String energyUnit = null;
        if (Double.isFinite(settings.energyPricePerKwh())) {
            energyUnit = prices == null || prices.currency().isEmpty() ? "cost" : prices.currency();
            if (all.stream().noneMatch(p -> Double.isFinite(p.energyPerSampleJoules()))) {
                warnings.add("an energy price was given but no measurement has energy_per_sample_j"
                        + " (GPU telemetry: docs/telemetry.md)");
            }
        }
        return new CapacityPlan(pools, unit, settings.targetTimeSeconds(), cheapest, frontier(all), warnings,
                energyUnit);
    }

    private PoolPlan pool(String pool, List<Measurement> rows) {
        List<String> warnings = new ArrayList<>();
        TreeMap<Integer, List<Measurement>> byScale = new TreeMap<>();
        String gpuType = null;
        for (Measurement m : rows) {
            byScale.computeIfAbsent(m.gpus(), k -> new ArrayList<>()).add(m);
            gpuType = gpuType == null ? m.gpuType() : gpuType;
        }
        TreeMap<Integer, Double> throughput = new TreeMap<>();
        TreeMap<Integer, Double> measuredTime = new TreeMap<>();
        TreeMap<Integer, Double> measuredEnergy = new TreeMap<>();
        List<Double> samplesEstimates = new ArrayList<>();
        List<Double> wattsPerGpu = new ArrayList<>();
        for (Map.Entry<Integer, List<Measurement>> e : byScale.entrySet()) {
            double x = Descriptive.median(e.getValue().stream().mapToDouble(Measurement::throughputSamplesPerSecond)
                    .toArray());
            throughput.put(e.getKey(), x);
            double[] times = e.getValue().stream().mapToDouble(Measurement::timeToTrainSeconds)
                    .filter(Double::isFinite).toArray();
            if (times.length > 0) {
                double t = Descriptive.median(times);
                measuredTime.put(e.getKey(), t);
                samplesEstimates.add(x * t);
            }
            double[] joules = e.getValue().stream().mapToDouble(Measurement::energyPerSampleJoules)
                    .filter(Double::isFinite).toArray();
            if (joules.length > 0) {
                double j = Descriptive.median(joules);
                measuredEnergy.put(e.getKey(), j);
                // J/sample × samples/s = W for all the GPUs of this scale
                wattsPerGpu.add(j * x / e.getKey());
            }
        }
        // Projected scales draw the measured power per GPU: energy per sample = n × W / X(n).
        double watts = wattsPerGpu.isEmpty() ? Double.NaN
                : Descriptive.median(wattsPerGpu.stream().mapToDouble(Double::doubleValue).toArray());
        double samples = settings.samplesToTrain();
        if (Double.isNaN(samples) && !samplesEstimates.isEmpty()) {
            samples = Descriptive.median(samplesEstimates.stream().mapToDouble(Double::doubleValue).toArray());
        }
        double price = Double.NaN;
        if (prices != null) {
            price = prices.perGpuHour(pool, gpuType).orElse(Double.NaN);
            if (Double.isNaN(price)) {
                warnings.add("pool " + pool + ": no price in the price table (by pool name or gpu_type)");
            }
        } else {
            price = 1.0;   // costs in GPU-hours
        }
        int minN = throughput.firstKey();
        int maxN = throughput.lastKey();
        double base = throughput.get(minN);
        List<ScalePoint> measured = new ArrayList<>();
        for (Map.Entry<Integer, Double> e : throughput.entrySet()) {
            double time = measuredTime.getOrDefault(e.getKey(), samples / e.getValue());
            double joules = measuredEnergy.getOrDefault(e.getKey(), watts * e.getKey() / e.getValue());
            measured.add(point(pool, e.getKey(), false, e.getValue(), Double.NaN, Double.NaN, base, minN, time,
                    price, false, joules));
        }
        UslFit fit = null;
        List<ScalePoint> projected = new ArrayList<>();
        if (throughput.size() < UslFitter.MIN_SCALES) {
            warnings.add("pool " + pool + ": " + throughput.size() + " scale" + (throughput.size() == 1 ? "" : "s")
                    + " measured; the USL fit needs at least " + UslFitter.MIN_SCALES);
        } else {
            int[] n = rows.stream().mapToInt(Measurement::gpus).toArray();
            double[] x = rows.stream().mapToDouble(Measurement::throughputSamplesPerSecond).toArray();
            fit = UslFitter.fit(n, x);
            if (fit.r2() < POOR_FIT_R2) {
                warnings.add(String.format(Locale.ROOT,
                        "pool %s: poor USL fit (R² = %.3f); projections are unreliable",
                        pool, fit.r2()));
            }
            int limit = settings.maxProjectedGpus() > 0 ? settings.maxProjectedGpus()
                    : Math.min(MAX_PROJECTION, 4 * maxN);
            TreeSet<Integer> scales = new TreeSet<>();
            for (int k = 1; k <= limit; k *= 2) {
                scales.add(k);
            }
            double peak = fit.model().peakGpus();
            if (Double.isFinite(peak) && peak >= 1 && peak <= limit) {
                scales.add((int) Math.round(peak));
            }
            scales.removeAll(throughput.keySet());
            boolean warned = false;
            for (int k : scales) {
                double x0 = fit.model().throughput(k);
                double se = fit.throughputStdError(k);
                boolean far = k > settings.extrapolationWarning() * maxN || k * settings.extrapolationWarning() < minN;
                if (far && !warned) {
                    warnings.add(String.format(Locale.ROOT, "pool %s: projections beyond %.0fx the measured range"
                            + " (%d-%d GPUs) are extrapolations", pool, settings.extrapolationWarning(), minN, maxN));
                    warned = true;
                }
                projected.add(point(pool, k, true, x0, x0 - 1.96 * se, x0 + 1.96 * se, base, minN, samples / x0,
                        price, far, watts * k / x0));
            }
            if (Double.isFinite(peak) && peak < maxN) {
                warnings.add(String.format(Locale.ROOT,
                        "pool %s: throughput peaks at about %.0f GPUs, below the largest measured scale %d",
                        pool, peak, maxN));
            }
        }
        return new PoolPlan(pool, gpuType, prices == null ? Double.NaN : price, samples, fit, measured, projected,
                warnings);
    }

    private ScalePoint point(String pool, int gpus, boolean projected, double x, double low, double high,
                             double base, int minN, double time, double price, boolean far, double joules) {
        double speedup = x / base;
        double efficiency = speedup / ((double) gpus / minN);
        double gpuHours = gpus * time / 3600;
        // one training run processes throughput × time samples
        double kwh = joules * x * time / JOULES_PER_KWH;
        return new ScalePoint(pool, gpus, projected, x, low, high, x / gpus, speedup, efficiency, time, gpuHours,
                gpuHours * price, far, joules, kwh, kwh * settings.energyPricePerKwh());
    }

    /**
     * Points with a known time and cost that no other point beats on both; ascending time. Far extrapolations are
     * left out: a plan should not recommend a scale nobody measured anything near.
     */
    static List<ScalePoint> frontier(List<ScalePoint> points) {
        List<ScalePoint> known = new ArrayList<>();
        for (ScalePoint p : points) {
            if (!p.extrapolated() && Double.isFinite(p.timeToTrainSeconds()) && Double.isFinite(p.cost())) {
                known.add(p);
            }
        }
        known.sort(Comparator.comparingDouble(ScalePoint::timeToTrainSeconds).thenComparingDouble(ScalePoint::cost));
        List<ScalePoint> out = new ArrayList<>();
        double bestCost = Double.POSITIVE_INFINITY;
        for (ScalePoint p : known) {
            if (p.cost() < bestCost) {
                out.add(p);
                bestCost = p.cost();
            }
        }
        return out;
    }
}
