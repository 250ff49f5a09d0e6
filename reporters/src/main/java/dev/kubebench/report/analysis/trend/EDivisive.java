package dev.kubebench.report.analysis.trend;

import dev.kubebench.report.analysis.stats.StudentT;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Change-point detection as Apache Otava (formerly Hunter) does it: E-divisive means (Matteson &amp; James, 2014) with
 * the permutation test replaced by a Student t-test (Fleming et al., "Hunter", ICPE 2023).
 *
 * <ol>
 *   <li>Split: in sliding windows of {@code windowLength} values (advancing by half a window, or to the last point
 *       found), repeatedly take the split that maximises the energy divergence
 *       Q̂ = nm/(n+m) · (2/(nm)·Σ|x−y| − Σ|x−x'|/C(n,2) − Σ|y−y'|/C(m,2)) over the segments between points found so
 *       far, and keep it while its t-test p-value is at most the first-pass p-value (10 × p).</li>
 *   <li>Merge: recompute every point's t-test against its neighbouring points over the whole series; drop the
 *       weakest (largest p, or, once all are below p, smallest magnitude when not above the minimum) until all pass.</li>
 * </ol>
 * Deterministic: no permutations, no random numbers. Each segment side has at least {@value #MIN_SIDE} values.
 */
public final class EDivisive {
    /** Fewest values on each side of a split, so the t-test has a variance on both sides. */
    static final int MIN_SIDE = 2;

    private final ChangePointSettings settings;

    public EDivisive(ChangePointSettings settings) {
        this.settings = settings;
    }

    /** The change points of a series, in index order. */
    public List<ChangePoint> detect(double[] series) {
        int n = series.length;
        TreeSet<Integer> indexes = new TreeSet<>();
        int start = 0;
        int step = settings.windowLength() / 2;
        while (start < n) {
            int end = Math.min(start + settings.windowLength(), n);
            List<Integer> found = splitWindow(series, start, end, settings.firstPassPValue());
            int last = found.isEmpty() ? 0 : found.get(found.size() - 1);
            indexes.addAll(found);
            start = Math.max(last, start + step);
        }
        return merge(series, new ArrayList<>(indexes));
    }

    /** E-divisive inside [from, to): indexes (absolute) of significant splits, sorted. */
    private static List<Integer> splitWindow(double[] s, int from, int to, double maxP) {
        int w = to - from;
        if (w < 2 * MIN_SIDE) {
            return List.of();
        }
        double[][] prefix = distancePrefix(s, from, w);
        TreeSet<Integer> points = new TreeSet<>();
        while (true) {
            List<Integer> bounds = new ArrayList<>();
            bounds.add(0);
            for (int p : points) {
                bounds.add(p - from);
            }
            bounds.add(w);
            double bestQ = Double.NEGATIVE_INFINITY;
            int bestTau = -1;
            int bestA = 0;
            int bestB = 0;
            for (int k = 0; k + 1 < bounds.size(); k++) {
                int a = bounds.get(k);
                int b = bounds.get(k + 1);
                for (int tau = a + MIN_SIDE; tau <= b - MIN_SIDE; tau++) {
                    double q = qHat(prefix, a, tau, b);
                    if (q > bestQ) {
                        bestQ = q;
                        bestTau = tau;
                        bestA = a;
                        bestB = b;
                    }
                }
            }
            if (bestTau < 0) {
                break;
            }
            double p = StudentT.pValue(s, from + bestA, from + bestTau, from + bestB);
            if (p > maxP) {
                break;
            }
            points.add(from + bestTau);
        }
        return new ArrayList<>(points);
    }

    /**
     * Otava's merge: keep dropping the weakest point until every point has p &lt; maxPValue and magnitude above the
     * minimum, re-testing neighbours after each removal.
     */
    private List<ChangePoint> merge(double[] s, List<Integer> indexes) {
        List<ChangePoint> points = stats(s, indexes);
        while (!points.isEmpty()) {
            ChangePoint weakest = points.get(0);
            for (ChangePoint cp : points) {
                if (cp.pValue() > weakest.pValue()) {
                    weakest = cp;
                }
            }
            if (weakest.pValue() < settings.maxPValue()) {
                weakest = points.get(0);
                for (ChangePoint cp : points) {
                    if (cp.magnitude() < weakest.magnitude()) {
                        weakest = cp;
                    }
                }
                if (weakest.magnitude() > settings.minMagnitude()) {
                    return points;
                }
            }
            List<Integer> remaining = new ArrayList<>();
            for (ChangePoint cp : points) {
                if (cp != weakest) {
                    remaining.add(cp.index());
                }
            }
            points = stats(s, remaining);
        }
        return points;
    }

    /** Each point tested against the segments reaching to its neighbours. */
    static List<ChangePoint> stats(double[] s, List<Integer> indexes) {
        List<ChangePoint> out = new ArrayList<>();
        for (int k = 0; k < indexes.size(); k++) {
            int from = k == 0 ? 0 : indexes.get(k - 1);
            int at = indexes.get(k);
            int to = k + 1 < indexes.size() ? indexes.get(k + 1) : s.length;
            double before = mean(s, from, at);
            double after = mean(s, at, to);
            double p = at - from < MIN_SIDE || to - at < MIN_SIDE ? 1.0 : StudentT.pValue(s, from, at, to);
            double change = before == 0 ? Double.NaN : (after / before - 1) * 100;
            out.add(new ChangePoint(at, before, after, change, p));
        }
        return out;
    }

    /** Q̂ for X = [a, tau), Y = [tau, b), window-relative, with alpha = 1 (absolute distances). */
    static double qHat(double[][] prefix, int a, int tau, int b) {
        int n = tau - a;
        int m = b - tau;
        double between = blockSum(prefix, a, tau, tau, b);
        double withinX = blockSum(prefix, a, tau, a, tau) / 2;   // each pair counted twice in the block
        double withinY = blockSum(prefix, tau, b, tau, b) / 2;
        double e = 2.0 * between / ((double) n * m)
                - withinX / (n * (n - 1) / 2.0)
                - withinY / (m * (m - 1) / 2.0);
        return (double) n * m / (n + m) * e;
    }

    /** 2-D prefix sums of |s_i − s_j| over the window, so any block sum costs O(1). */
    private static double[][] distancePrefix(double[] s, int from, int w) {
        double[][] p = new double[w + 1][w + 1];
        for (int i = 0; i < w; i++) {
            for (int j = 0; j < w; j++) {
                p[i + 1][j + 1] = Math.abs(s[from + i] - s[from + j]) + p[i][j + 1] + p[i + 1][j] - p[i][j];
            }
        }
        return p;
    }

    private static double blockSum(double[][] p, int r0, int r1, int c0, int c1) {
        return p[r1][c1] - p[r0][c1] - p[r1][c0] + p[r0][c0];
    }

    private static double mean(double[] s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += s[i];
        }
        return sum / (to - from);
    }
}
