package dev.kubebench.catalog.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How replicas run as host processes under {@code --local} when the container command cannot run on the host.
 *
 * @param command argv replacing job.command + job.args; empty to use the job's own
 * @param env     extra environment for every local replica: literal strings or {@code valueFrom} references
 */
public record LocalSpec(List<String> command, Map<String, EnvValue> env) {
    public LocalSpec {
        command = List.copyOf(command == null ? List.of() : command);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env == null ? Map.of() : env));
    }
}
