package dev.kubebench.report.csv;

import dev.kubebench.core.text.Numbers;
import dev.kubebench.report.analysis.trend.TrendResult;
import dev.kubebench.report.analysis.trend.TrendSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;

/**
 * The numbers behind the history page ({@code history.csv}): one row per series and run, {@code change_point} 1 where
 * a new segment starts.
 */
public final class HistoryCsv {
    private static final String[] HEADER = {"metric", "point", "run_id", "started_at", "value", "change_point"};

    private HistoryCsv() {
    }

    public static String csv(List<TrendResult> results) {
        StringBuilder sb = new StringBuilder();
        SafeCsv out = new SafeCsv(sb, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
        try {
            out.printRecord((Object[]) HEADER);
            for (TrendResult r : results) {
                TrendSeries s = r.series();
                Set<Integer> starts = new HashSet<>();
                r.changePoints().forEach(cp -> starts.add(cp.index()));
                double[] v = s.values();
                for (int i = 0; i < v.length; i++) {
                    out.printRecord(s.metric(), s.point(), s.runIds().get(i),
                            s.startedAt().get(i) == null ? "" : s.startedAt().get(i).toString(), Numbers.plain(v[i]),
                            starts.contains(i) ? "1" : "0");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return sb.toString();
    }
}
