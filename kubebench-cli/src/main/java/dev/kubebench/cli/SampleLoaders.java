package dev.kubebench.cli;

import dev.kubebench.report.analysis.samples.SampleLoader;
import dev.kubebench.report.analysis.samples.StoreSampleLoader;

/** The loaders the gate commands use for PATH arguments. */
final class SampleLoaders {
    private SampleLoaders() {
    }

    /** Run directories, results directories and raw MLPerf log directories. */
    static SampleLoader standard() {
        return new StoreSampleLoader();
    }
}
