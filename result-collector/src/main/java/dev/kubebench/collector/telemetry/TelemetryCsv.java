package dev.kubebench.collector.telemetry;

import dev.kubebench.core.text.SpreadsheetCells;
import dev.kubebench.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a trial's {@code telemetry.csv}: one row per step per GPU, columns
 * {@value #HEADER} (docs/telemetry.md); an empty cell where a value is unknown. Names are DNS labels and UUIDs, so no
 * cell needs quoting; a cell that would is quoted anyway, and neutralized if a spreadsheet could run it
 * ({@link SpreadsheetCells}).
 */
public final class TelemetryCsv {
    /** The file name in the trial directory. */
    public static final String FILE = "telemetry.csv";
    /** The header line; the reports read these column names. */
    public static final String HEADER = "timestamp_ms,node,pod,gpu,gpu_util_pct,gpu_mem_used_mib,gpu_power_w";

    private TelemetryCsv() {
    }

    /** Writes the samples atomically. */
    public static void write(Path file, List<GpuSample> samples) throws IOException {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (GpuSample s : samples) {
            out.append(s.timestampMs()).append(',').append(cell(s.gpu().node())).append(',')
                    .append(cell(s.gpu().pod())).append(',').append(cell(s.gpu().gpu())).append(',')
                    .append(number(s.utilPct())).append(',').append(number(s.memUsedMib())).append(',')
                    .append(number(s.powerW())).append('\n');
        }
        AtomicFiles.writeString(file, out.toString());
    }

    private static String number(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String cell(String s) {
        return SpreadsheetCells.csvField(s);
    }
}
