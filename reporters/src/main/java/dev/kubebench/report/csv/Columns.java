package dev.kubebench.report.csv;

import dev.kubebench.report.RunReport;
import dev.kubebench.report.TrialReport;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** The sorted tail columns shared by both CSVs: sweep parameters and labels, by name. */
final class Columns {
    static final String PARAM_PREFIX = "param.";
    static final String LABEL_PREFIX = "label.";

    private Columns() {
    }

    static List<String> params(RunReport report) {
        return sortedKeys(report, t -> t.result().point().keySet());
    }

    static List<String> labels(RunReport report) {
        return sortedKeys(report, t -> t.result().labels().keySet());
    }

    private static List<String> sortedKeys(RunReport report, Function<TrialReport, Set<String>> keys) {
        Set<String> names = new TreeSet<>();
        for (TrialReport t : report.trials()) {
            names.addAll(keys.apply(t));
        }
        return List.copyOf(names);
    }
}
