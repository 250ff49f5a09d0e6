package dev.kubebench.cli;

import dev.kubebench.report.analysis.plan.Measurement;
import dev.kubebench.report.analysis.plan.RunMeasurements;
import java.nio.file.Path;
import java.util.List;

/** Reads scaling measurements (pool, GPUs, throughput) from kubebench run directories for {@code plan}. */
interface MeasurementSource {
    List<Measurement> load(Path path);

    static MeasurementSource standard() {
        return RunMeasurements::load;
    }
}
