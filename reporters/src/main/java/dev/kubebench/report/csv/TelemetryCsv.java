package dev.kubebench.report.csv;

import dev.kubebench.report.GpuUtilPoint;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a trial's {@code telemetry.csv} (written by the Prometheus collector and by the local backend; header
 * {@code timestamp_ms,node,pod,gpu,gpu_util_pct,gpu_mem_used_mib,gpu_power_w}, an empty cell when unknown) for the
 * GPU utilization chart. A missing file is no telemetry; rows without a utilization or with unreadable numbers are
 * skipped, and a file without the needed columns gives no points: a chart is never worth failing a report for.
 */
public final class TelemetryCsv {
    public static final String NAME = "telemetry.csv";

    private TelemetryCsv() {
    }

    /** The GPU utilization points of {@code file}; empty when it is absent or has none. */
    public static List<GpuUtilPoint> gpuUtil(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return gpuUtil(reader);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            return List.of();
        }
    }

    static List<GpuUtilPoint> gpuUtil(Reader reader) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        List<String[]> rows = new ArrayList<>();
        boolean severalNodes = false;
        String firstNode = null;
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames();
            if (!header.containsAll(List.of("timestamp_ms", "gpu", "gpu_util_pct"))) {
                return List.of();
            }
            boolean hasNode = header.contains("node");
            for (CSVRecord r : parser) {
                String node = hasNode && r.isSet("node") ? r.get("node") : "";
                if (!r.isSet("gpu_util_pct") || r.get("gpu_util_pct").isEmpty()) {
                    continue;
                }
                if (firstNode == null) {
                    firstNode = node;
                } else if (!firstNode.equals(node)) {
                    severalNodes = true;
                }
                rows.add(new String[] {r.get("timestamp_ms"), node, r.get("gpu"), r.get("gpu_util_pct")});
            }
        }
        List<GpuUtilPoint> points = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            try {
                double util = Double.parseDouble(row[3]);
                if (Double.isFinite(util)) {
                    String gpu = severalNodes ? row[1] + "/" + row[2] : row[2];
                    points.add(new GpuUtilPoint(Long.parseLong(row[0]), gpu, util));
                }
            } catch (NumberFormatException skipped) {
                // a row we cannot read does not cost the chart its other rows
            }
        }
        return points;
    }
}
