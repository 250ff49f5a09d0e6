package dev.kubebench.collector.telemetry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One range query of a telemetry profile (profiles.json) or of the spec's own {@code queries}.
 *
 * @param label   what warnings call it: the DCGM series name or the spec's metric name
 * @param query   the PromQL template ({@link QueryTemplate} variables)
 * @param reduce  result metric → how the series are reduced to it
 * @param divisor divides each reduced value (1 when unscaled; 1000 for mJ → J)
 * @param column  the telemetry.csv column the series fills, or null
 */
public record ProfileQuery(String label, String query, Map<String, Reduction> reduce, double divisor,
                           String column) {
    public ProfileQuery {
        reduce = Collections.unmodifiableMap(new LinkedHashMap<>(reduce));
    }
}
