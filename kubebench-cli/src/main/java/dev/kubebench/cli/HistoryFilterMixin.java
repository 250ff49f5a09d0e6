package dev.kubebench.cli;

import dev.kubebench.collector.history.HistoryQuery;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Which runs of the history a command reads: {@code --benchmark}, {@code --label k=v}..., {@code --since}. */
final class HistoryFilterMixin {
    @Option(names = "--benchmark", paramLabel = "NAME", description = "Only runs of this benchmark.")
    String benchmark;

    @Option(names = "--label", paramLabel = "KEY=VALUE",
            description = "Only runs carrying this label with this value (repeatable; all must match).")
    Map<String, String> labels = new LinkedHashMap<>();

    @Option(names = "--since", paramLabel = "DURATION", converter = Converters.Duration.class,
            description = "Only runs started within this long before now (e.g. 30d, 12h).")
    Duration since;

    HistoryQuery query(Clock clock) {
        return new HistoryQuery(benchmark, labels, since == null ? null : clock.instant().minus(since));
    }
}
