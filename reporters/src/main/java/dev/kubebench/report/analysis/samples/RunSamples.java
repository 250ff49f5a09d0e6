package dev.kubebench.report.analysis.samples;

import dev.kubebench.catalog.spec.Gate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything one run contributed: its succeeded trials' metrics and the gates its spec declared.
 *
 * @param runId         run id, or the directory name for raw logs
 * @param startedAt     when the run started; orders a history for {@code trend}; may be null when unknown
 * @param source        where it was read from (a path), for messages
 * @param observations  one per metric per succeeded trial
 * @param gates         the spec's gates (per-metric direction and threshold); empty when none
 */
public record RunSamples(String runId, Instant startedAt, String source, List<Observation> observations,
                         List<Gate> gates) {
    public RunSamples {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(source, "source");
        observations = List.copyOf(observations);
        gates = List.copyOf(gates == null ? List.of() : gates);
    }
}
