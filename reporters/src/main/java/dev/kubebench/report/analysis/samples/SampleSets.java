package dev.kubebench.report.analysis.samples;

import dev.kubebench.core.metric.Direction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups observations into one {@link SampleSet} per metric and sweep point, keeping first-seen order. */
public final class SampleSets {
    private SampleSets() {
    }

    /** Pools the trials of all runs: each trial's value is one sample. */
    public static List<SampleSet> pool(List<RunSamples> runs) {
        List<Observation> all = new ArrayList<>();
        for (RunSamples run : runs) {
            all.addAll(run.observations());
        }
        return group(all);
    }

    public static List<SampleSet> group(List<Observation> observations) {
        Map<String, List<Observation>> byKey = new LinkedHashMap<>();
        for (Observation o : observations) {
            byKey.computeIfAbsent(o.metric() + "\u0000" + o.point(), k -> new ArrayList<>()).add(o);
        }
        List<SampleSet> sets = new ArrayList<>();
        for (List<Observation> group : byKey.values()) {
            double[] values = new double[group.size()];
            Direction direction = null;
            for (int i = 0; i < values.length; i++) {
                values[i] = group.get(i).value();
                if (group.get(i).direction() != null) {
                    direction = group.get(i).direction();
                }
            }
            Observation first = group.get(0);
            sets.add(new SampleSet(first.metric(), first.point(), values, direction));
        }
        return sets;
    }
}
