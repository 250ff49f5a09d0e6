package dev.kubebench.report.analysis.compare;

import dev.kubebench.core.text.Numbers;
import dev.kubebench.core.metric.Direction;
import dev.kubebench.catalog.spec.Gate;
import dev.kubebench.report.analysis.samples.SampleSet;
import dev.kubebench.report.analysis.stats.Descriptive;
import dev.kubebench.report.analysis.stats.MannWhitney;
import dev.kubebench.report.analysis.stats.MedianInterval;
import dev.kubebench.core.metric.MetricDirections;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares a candidate's samples with a baseline's, metric by metric and sweep point by sweep point: medians with
 * confidence intervals, the relative change of the medians, a two-sided Mann–Whitney U test and a verdict.
 */
public final class Comparer {
    private final CompareSettings settings;

    public Comparer(CompareSettings settings) {
        this.settings = settings;
    }

    public ComparisonReport compare(List<SampleSet> baseline, List<SampleSet> candidate) {
        Map<String, SampleSet> base = index(baseline);
        Map<String, SampleSet> cand = index(candidate);
        Set<String> keys = new LinkedHashSet<>(base.keySet());
        keys.addAll(cand.keySet());
        List<MetricComparison> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> warnedDirection = new LinkedHashSet<>();
        for (String key : keys) {
            SampleSet b = base.get(key);
            SampleSet c = cand.get(key);
            SampleSet any = b != null ? b : c;
            Resolved dir = direction(any, b, c);
            if ("assumed".equals(dir.source()) && warnedDirection.add(any.metric())) {
                warnings.add("direction of " + any.metric() + " unknown from its name; assuming lower is better"
                        + " (use --direction " + any.metric() + "=higher to change)");
            }
            rows.add(row(any.metric(), any.point(), dir.direction(), dir.source(), b, c));
        }
        return new ComparisonReport(settings.alpha(), settings.confidence(), rows, geomeans(rows), warnings);
    }

    private MetricComparison row(String metric, String point, Direction dir, String dirSource, SampleSet b,
                                 SampleSet c) {
        double threshold = settings.thresholdFor(metric);
        boolean gated = settings.isGated(metric);
        MedianInterval bi = b == null ? null : MedianInterval.of(b.values(), settings.confidence());
        MedianInterval ci = c == null ? null : MedianInterval.of(c.values(), settings.confidence());
        double change = bi == null || ci == null || bi.median() == 0
                ? Double.NaN : (ci.median() / bi.median() - 1) * 100;
        int need = settings.minimumSamples();
        int nb = b == null ? 0 : b.size();
        int nc = c == null ? 0 : c.size();
        if (nb < need || nc < need) {
            return new MetricComparison(metric, point, dir, dirSource, bi, ci, change, null, Verdict.INSUFFICIENT,
                    threshold, gated, insufficientNote(nb, nc, need));
        }
        MannWhitney.Result test = MannWhitney.test(b.values(), c.values());
        Verdict verdict = Verdict.NO_CHANGE;
        String note = "";
        if (test.pValue() < settings.alpha()) {
            boolean worse = dir == Direction.LOWER ? change > 0 : change < 0;
            if (Math.abs(change) > threshold) {
                verdict = worse ? Verdict.REGRESSION : Verdict.IMPROVEMENT;
            } else {
                note = String.format(Locale.ROOT, "significant but within the %s%% threshold",
                        Numbers.significant(threshold, 6));
            }
        } else if (Math.abs(change) > threshold) {
            note = "change not significant at alpha " + Numbers.significant(settings.alpha(), 6);
        }
        return new MetricComparison(metric, point, dir, dirSource, bi, ci, change, test, verdict, threshold,
                gated, note);
    }

    private static String insufficientNote(int nb, int nc, int need) {
        if (nb == 0) {
            return "only in the candidate";
        }
        if (nc == 0) {
            return "only in the baseline";
        }
        List<String> parts = new ArrayList<>();
        if (nb < need) {
            parts.add((need - nb) + " more baseline run" + (need - nb == 1 ? "" : "s"));
        }
        if (nc < need) {
            parts.add((need - nc) + " more candidate run" + (need - nc == 1 ? "" : "s"));
        }
        return "need " + String.join(" and ", parts) + " (at least " + need + " per side)";
    }

    /** A metric's direction and where it came from. */
    private record Resolved(Direction direction, String source) {
    }

    private Resolved direction(SampleSet any, SampleSet b, SampleSet c) {
        String metric = any.metric();
        Direction option = settings.directions().get(metric);
        if (option != null) {
            return new Resolved(option, "option");
        }
        for (Gate g : settings.gates()) {
            if (g.metric().equals(metric) && g.direction() != null) {
                return new Resolved(g.direction(), "gate");
            }
        }
        Direction fromSource = b != null && b.direction() != null ? b.direction()
                : c != null ? c.direction() : null;
        if (fromSource != null) {
            return new Resolved(fromSource, "source");
        }
        Optional<Direction> inferred = MetricDirections.infer(metric);
        return inferred.map(d -> new Resolved(d, "name")).orElse(new Resolved(Direction.LOWER, "assumed"));
    }

    private static List<GeomeanRow> geomeans(List<MetricComparison> rows) {
        Map<String, List<MetricComparison>> byMetric = new LinkedHashMap<>();
        for (MetricComparison r : rows) {
            if (r.baseline() != null && r.candidate() != null) {
                byMetric.computeIfAbsent(r.metric(), k -> new ArrayList<>()).add(r);
            }
        }
        List<GeomeanRow> out = new ArrayList<>();
        for (Map.Entry<String, List<MetricComparison>> e : byMetric.entrySet()) {
            List<MetricComparison> list = e.getValue();
            if (list.size() < 2) {
                continue;
            }
            double[] b = list.stream().mapToDouble(r -> r.baseline().median()).toArray();
            double[] c = list.stream().mapToDouble(r -> r.candidate().median()).toArray();
            double gb = Descriptive.geomean(b);
            double gc = Descriptive.geomean(c);
            if (Double.isNaN(gb) || Double.isNaN(gc)) {
                continue;
            }
            out.add(new GeomeanRow(e.getKey(), list.size(), gb, gc, (gc / gb - 1) * 100));
        }
        return out;
    }

    private static Map<String, SampleSet> index(List<SampleSet> sets) {
        Map<String, SampleSet> map = new LinkedHashMap<>();
        for (SampleSet s : sets) {
            SampleSet prev = map.get(s.label());
            if (prev == null) {
                map.put(s.label(), s);
            } else {
                double[] merged = new double[prev.size() + s.size()];
                System.arraycopy(prev.values(), 0, merged, 0, prev.size());
                System.arraycopy(s.values(), 0, merged, prev.size(), s.size());
                map.put(s.label(), new SampleSet(s.metric(), s.point(), merged,
                        prev.direction() != null ? prev.direction() : s.direction()));
            }
        }
        return map;
    }
}
