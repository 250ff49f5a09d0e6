package dev.kubebench.cli;

import dev.kubebench.catalog.error.Failure;
import dev.kubebench.catalog.error.KubebenchException;
import dev.kubebench.report.plan.Measurement;
import java.nio.file.Path;
import java.util.List;

/** Reads scaling measurements (pool, GPUs, throughput) from kubebench run directories for {@code plan}. */
interface MeasurementSource {
    List<Measurement> load(Path path);

    static MeasurementSource standard() {
        return path -> {
            throw new KubebenchException(Failure.INVALID_INPUT, path + ": loading runs is not wired yet");
        };
    }
}
