package dev.kubebench.report.analysis.aggregate;

import dev.kubebench.core.text.Numbers;

import dev.kubebench.report.RunReport;
import dev.kubebench.report.TrialReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups a run's measured trials by sweep point, points in order of their first trial. Warm-up trials are left out:
 * they never enter a median, a noise figure or a chart of a point.
 */
public final class SweepPoints {
    private SweepPoints() {
    }

    public static List<SweepPoint> of(RunReport report) {
        Map<String, List<TrialReport>> byKey = new LinkedHashMap<>();
        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        for (TrialReport t : report.trials()) {
            if (t.result().warmup()) {
                continue;
            }
            String key = Numbers.point(t.result().point());
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
            values.putIfAbsent(key, t.result().point());
        }
        List<SweepPoint> points = new ArrayList<>(byKey.size());
        byKey.forEach((key, trials) -> points.add(new SweepPoint(values.get(key), trials)));
        return points;
    }
}
