package dev.kubebench.runner.local;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The {@code nvidia-smi} query the local backend runs during a trial and the parser of its output lines
 * ({@code --format=csv,noheader,nounits}: {@code 2026/12/01 10:23:45.123, 0, GPU-8d3c..., 87, 30512, 251.37}).
 */
final class NvidiaSmi {
    static final String PROGRAM = "nvidia-smi";
    static final String FIELDS = "timestamp,index,uuid,utilization.gpu,memory.used,power.draw";
    /** nvidia-smi prints the host's local time with milliseconds. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss.SSS",
            Locale.ROOT);
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get();

    private NvidiaSmi() {
    }

    /** The arguments after the program: the query, CSV without header or units, one line per GPU per interval. */
    static List<String> arguments(Duration interval) {
        return List.of("--query-gpu=" + FIELDS, "--format=csv,noheader,nounits", "-lms",
                Long.toString(Math.max(1, interval.toMillis())));
    }

    /**
     * One output line as a sample; empty for anything else nvidia-smi prints (an error such as {@code Failed to
     * initialize NVML}, a blank line).
     *
     * @param zone       the zone nvidia-smi's timestamps are in (the host's)
     * @param receivedMs when the line was read, used when the timestamp cannot be read
     */
    static Optional<GpuSample> parse(String line, ZoneId zone, long receivedMs) {
        List<String> cells;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(line)).setFormat(FORMAT).get()) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1 || records.get(0).size() != 6) {
                return Optional.empty();
            }
            cells = records.get(0).toList();
        } catch (IOException | RuntimeException notCsv) {
            return Optional.empty();
        }
        int gpu;
        try {
            gpu = Integer.parseInt(cells.get(1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (gpu < 0 || cells.get(2).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new GpuSample(timestamp(cells.get(0), zone, receivedMs), gpu, cells.get(2),
                number(cells.get(3)), number(cells.get(4)), number(cells.get(5))));
    }

    private static long timestamp(String cell, ZoneId zone, long receivedMs) {
        try {
            return LocalDateTime.parse(cell, TIMESTAMP).atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return receivedMs;
        }
    }

    /** A value, or null for {@code [N/A]}, {@code [Not Supported]} and anything else that is not a number. */
    private static Double number(String cell) {
        try {
            double v = Double.parseDouble(cell);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
