package dev.kubebench.report.analysis.samples;

import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.core.error.Failure;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads runs from a path a user names on the command line: a run directory, a results directory holding many runs,
 * or a directory of raw MLPerf {@code result_*.txt} logs. Implementations throw
 * {@code KubebenchException(Failure.INVALID_INPUT, ...)} naming the path when it holds nothing they can read.
 */
public interface SampleLoader {
    /** The runs found under {@code path}, oldest first when start times are known. */
    List<RunSamples> load(Path path);
}
