package dev.kubebench.report.csv;

import dev.kubebench.report.analysis.plan.Measurement;
import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads external measurements: a CSV with a header naming at least {@code pool}, {@code gpus} and
 * {@code throughput_samples_per_s}; optional {@code time_to_train_s}, {@code gpu_type} and {@code energy_per_sample_j};
 * other columns are ignored.
 * Lines starting with {@code #} are comments. Errors name {@code file:line: column: problem}.
 */
public final class MeasurementCsv {
    static final String POOL = "pool";
    static final String GPUS = "gpus";
    static final String THROUGHPUT = "throughput_samples_per_s";
    static final String TIME_TO_TRAIN = "time_to_train_s";
    static final String GPU_TYPE = "gpu_type";
    static final String ENERGY_PER_SAMPLE = "energy_per_sample_j";

    private MeasurementCsv() {
    }

    public static List<Measurement> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (NoSuchFileException e) {
            throw new KubebenchException(Failure.INVALID_INPUT, file + ": no such file");
        } catch (IOException e) {
            throw new KubebenchException(Failure.INVALID_INPUT, file + ": cannot read: " + e.getMessage(), e);
        }
    }

    static List<Measurement> parse(Reader reader, String name) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setCommentMarker('#').setIgnoreEmptyLines(true).get();
        List<Measurement> out = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (String required : List.of(POOL, GPUS, THROUGHPUT)) {
                if (header == null || !header.containsKey(required)) {
                    throw new KubebenchException(Failure.INVALID_INPUT, name + ":1: missing column '" + required
                            + "' (need pool,gpus,throughput_samples_per_s)");
                }
            }
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                String where = name + ":" + line + ": ";
                if (!record.isConsistent()) {
                    throw new KubebenchException(Failure.INVALID_INPUT, where + "expected " + header.size()
                            + " columns, found " + record.size());
                }
                String pool = record.get(POOL);
                if (pool.isEmpty()) {
                    throw new KubebenchException(Failure.INVALID_INPUT, where + "pool: empty");
                }
                int gpus = parseInt(record.get(GPUS), where + GPUS);
                double throughput = parsePositive(record.get(THROUGHPUT), where + THROUGHPUT);
                double ttt = Double.NaN;
                if (header.containsKey(TIME_TO_TRAIN) && !record.get(TIME_TO_TRAIN).isEmpty()) {
                    ttt = parsePositive(record.get(TIME_TO_TRAIN), where + TIME_TO_TRAIN);
                }
                String gpuType = header.containsKey(GPU_TYPE) ? record.get(GPU_TYPE) : null;
                double joules = Double.NaN;
                if (header.containsKey(ENERGY_PER_SAMPLE) && !record.get(ENERGY_PER_SAMPLE).isEmpty()) {
                    joules = parsePositive(record.get(ENERGY_PER_SAMPLE), where + ENERGY_PER_SAMPLE);
                }
                out.add(new Measurement(pool, gpus, throughput, ttt, gpuType, joules));
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new KubebenchException(Failure.INVALID_INPUT, name + ": malformed CSV: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new KubebenchException(Failure.INVALID_INPUT, name + ": no measurements");
        }
        return out;
    }

    private static int parseInt(String s, String where) {
        try {
            int v = Integer.parseInt(s);
            if (v < 1) {
                throw new KubebenchException(Failure.INVALID_INPUT, where + ": must be at least 1, got " + s);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new KubebenchException(Failure.INVALID_INPUT, where + ": not a whole number: '" + s + "'");
        }
    }

    private static double parsePositive(String s, String where) {
        try {
            double v = Double.parseDouble(s);
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new KubebenchException(Failure.INVALID_INPUT, where + ": must be positive, got " + s);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new KubebenchException(Failure.INVALID_INPUT, where + ": not a number: '" + s + "'");
        }
    }
}
