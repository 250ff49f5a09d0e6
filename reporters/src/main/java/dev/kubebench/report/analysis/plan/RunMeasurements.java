package dev.kubebench.report.analysis.plan;

import dev.kubebench.core.metric.MetricNames;
import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.core.trial.TrialState;
import dev.kubebench.collector.store.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Scaling measurements from kubebench runs: one per succeeded trial with a {@code throughput_samples_per_s}. The
 * pool is the sweep variable or label {@code pool}/{@code nodePool}/{@code node_pool}, else the benchmark name; the
 * GPU count is the sweep variable or label {@code gpus}, else {@code replicas × gpus_per_replica} from the labels;
 * the GPU type is label {@code gpu_type} or {@code nvidia.com/gpu.product}; the energy per sample is metric
 * {@code energy_per_sample_j} when the trial had GPU telemetry.
 */
public final class RunMeasurements {
    private static final List<String> POOL_KEYS = List.of("pool", "nodePool", "node_pool");
    private static final List<String> GPU_TYPE_KEYS = List.of("gpu_type", "gpuType", "nvidia.com/gpu.product");

    private RunMeasurements() {
    }

    /** Measurements of the run directory {@code path}, or of every run directory below it. */
    public static List<Measurement> load(Path path) {
        if (!Files.isDirectory(path)) {
            throw new KubebenchException(Failure.INVALID_INPUT, path + ": no such directory");
        }
        try {
            List<Path> runs = new ArrayList<>();
            if (Files.isDirectory(path.resolve(RunDirectory.TRIALS))) {
                runs.add(path);
            } else {
                try (Stream<Path> s = Files.walk(path, 3)) {
                    s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                            .filter(p -> Files.isDirectory(p.resolve(RunDirectory.TRIALS))).sorted()
                            .forEach(runs::add);
                }
            }
            if (runs.isEmpty()) {
                throw new KubebenchException(Failure.INVALID_INPUT, path + ": no kubebench run directories");
            }
            List<Measurement> out = new ArrayList<>();
            for (Path run : runs) {
                RunDirectory dir = RunDirectory.of(run);
                for (RunResult r : dir.readResults()) {
                    Measurement m = r.warmup() ? null : measurement(r, dir);
                    if (m != null) {
                        out.add(m);
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new KubebenchException(Failure.INVALID_INPUT, path + ": cannot read: " + e.getMessage(), e);
        }
    }

    static Measurement measurement(RunResult r, RunDirectory dir) {
        double x = r.metric("throughput_samples_per_s");
        if (r.status() != TrialState.SUCCEEDED || !(x > 0) || Double.isInfinite(x)) {
            return null;
        }
        String pool = first(r, POOL_KEYS);
        if (pool == null) {
            pool = r.benchmark().isEmpty() ? dir.benchmark() : r.benchmark();
        }
        String gpusText = first(r, List.of("gpus"));
        int gpus;
        try {
            if (gpusText != null) {
                gpus = Integer.parseInt(gpusText);
            } else {
                String replicas = r.labels().get("replicas");
                String perReplica = r.labels().get("gpus_per_replica");
                if (replicas == null || perReplica == null) {
                    throw new KubebenchException(Failure.INVALID_INPUT, dir.resultJson(r.trial())
                            + ": cannot tell the GPU count (no 'gpus' sweep variable or label, no gpus_per_replica)");
                }
                gpus = Integer.parseInt(replicas) * Integer.parseInt(perReplica);
            }
        } catch (NumberFormatException e) {
            throw new KubebenchException(Failure.INVALID_INPUT, dir.resultJson(r.trial())
                    + ": GPU count is not a whole number");
        }
        if (gpus < 1) {
            return null;
        }
        double ttt = r.metric("time_to_train_s");
        double joules = r.metric(MetricNames.ENERGY_PER_SAMPLE_J);
        return new Measurement(pool, gpus, x, ttt > 0 && Double.isFinite(ttt) ? ttt : Double.NaN,
                first(r, GPU_TYPE_KEYS), joules > 0 && Double.isFinite(joules) ? joules : Double.NaN);
    }

    private static String first(RunResult r, List<String> keys) {
        for (String k : keys) {
            Object v = r.point().get(k);
            if (v != null) {
                return v.toString();
            }
        }
        for (String k : keys) {
            String v = r.labels().get(k);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
