package dev.kubebench.cli;

import dev.kubebench.catalog.error.Failure;
import dev.kubebench.catalog.error.KubebenchException;
import dev.kubebench.report.samples.SampleLoader;

/** The loaders the gate commands use for PATH arguments. */
final class SampleLoaders {
    private SampleLoaders() {
    }

    static SampleLoader standard() {
        return path -> {
            throw new KubebenchException(Failure.INVALID_INPUT, path + ": loading runs is not wired yet");
        };
    }
}
