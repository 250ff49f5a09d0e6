package dev.kubebench.catalog.load;

import dev.kubebench.catalog.plan.Trial;
import dev.kubebench.catalog.spec.Benchmark;
import dev.kubebench.catalog.spec.TrialOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Puts a plan's trials in the order of {@code spec.order}: warm-up trials first (each point's before its measured
 * trials when sequential, all points' before any measured trial otherwise), then the measured trials up to
 * {@code repetitions.max} per point. A point's repetitions always run in increasing order, whatever the order, so
 * "the first k trials of a point" is the same set in plan order and in repetition order; the adaptive stopping rule
 * relies on it.
 */
final class TrialSchedule {
    private TrialSchedule() {
    }

    /**
     * @param benchmarks one benchmark per point, in point order
     * @param points     each point's sweep values
     * @param order      the order
     * @param seed       the shuffle seed (used only when shuffled)
     */
    static List<Trial> trials(List<Benchmark> benchmarks, List<Map<String, Object>> points, TrialOrder order,
                              long seed) {
        List<Trial> out = new ArrayList<>();
        if (order == TrialOrder.SEQUENTIAL) {
            for (int p = 0; p < benchmarks.size(); p++) {
                addRounds(out, benchmarks, points, p, true);
                addRounds(out, benchmarks, points, p, false);
            }
            return out;
        }
        interleave(out, benchmarks, points, true);
        if (order == TrialOrder.INTERLEAVED) {
            interleave(out, benchmarks, points, false);
            return out;
        }
        List<Integer> slots = new ArrayList<>();
        for (int p = 0; p < benchmarks.size(); p++) {
            slots.addAll(Collections.nCopies(measured(benchmarks.get(p)), p));
        }
        Collections.shuffle(slots, new Random(seed));
        int[] next = new int[benchmarks.size()];
        for (int p : slots) {
            out.add(new Trial(out.size(), points.get(p), p, next[p]++, benchmarks.get(p), false));
        }
        return out;
    }

    private static void addRounds(List<Trial> out, List<Benchmark> benchmarks, List<Map<String, Object>> points,
                                  int p, boolean warmup) {
        int n = warmup ? benchmarks.get(p).spec().warmup() : measured(benchmarks.get(p));
        for (int r = 0; r < n; r++) {
            out.add(new Trial(out.size(), points.get(p), p, r, benchmarks.get(p), warmup));
        }
    }

    private static void interleave(List<Trial> out, List<Benchmark> benchmarks, List<Map<String, Object>> points,
                                   boolean warmup) {
        int rounds = 0;
        for (Benchmark b : benchmarks) {
            rounds = Math.max(rounds, warmup ? b.spec().warmup() : measured(b));
        }
        for (int r = 0; r < rounds; r++) {
            for (int p = 0; p < benchmarks.size(); p++) {
                Benchmark b = benchmarks.get(p);
                if (r < (warmup ? b.spec().warmup() : measured(b))) {
                    out.add(new Trial(out.size(), points.get(p), p, r, b, warmup));
                }
            }
        }
    }

    private static int measured(Benchmark b) {
        return b.spec().repetitions().max();
    }
}
