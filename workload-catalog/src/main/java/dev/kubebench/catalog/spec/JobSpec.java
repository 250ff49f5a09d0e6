package dev.kubebench.catalog.spec;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The job to run.
 *
 * @param kind           job kind
 * @param apiVersion     apiVersion to render; the kind's default, or {@code kubeflow.org/v2beta1} for the standalone
 *                       MPI operator's MPIJob
 * @param image          container image
 * @param command        container command (entrypoint override); empty keeps the image's
 * @param args           container args
 * @param env            extra environment variables, in declaration order: literal strings or {@code valueFrom}
 *                       references ({@link EnvValue})
 * @param replicas       replica count per replica type in canonical CamelCase, in declaration order
 * @param resources      per-replica resources
 * @param files          files shipped to every replica: file name → path of the local file (resolved against the
 *                       spec file's directory); shipped as a ConfigMap mounted at {@link #FILES_MOUNT_PATH}
 * @param manifest       an existing custom resource to patch instead of generating one; null to generate
 * @param restartPolicy  replica restart policy; null for the operator default
 * @param runtime        TrainJob only: the ClusterTrainingRuntime name (default {@code torch-distributed})
 * @param numProcPerNode PyTorchJob nprocPerNode / TrainJob numProcPerNode; null for the default
 * @param slotsPerWorker MPIJob only: MPI slots per worker; null for the default
 */
public record JobSpec(
        JobKind kind,
        String apiVersion,
        String image,
        List<String> command,
        List<String> args,
        Map<String, EnvValue> env,
        Map<String, Integer> replicas,
        Resources resources,
        Map<String, Path> files,
        Path manifest,
        String restartPolicy,
        String runtime,
        Integer numProcPerNode,
        Integer slotsPerWorker) {

    /** Where shipped files appear inside every replica's container. */
    public static final String FILES_MOUNT_PATH = "/workspace/kubebench";

    public JobSpec {
        Objects.requireNonNull(kind, "kind");
        apiVersion = apiVersion == null ? kind.apiVersion() : apiVersion;
        command = List.copyOf(command == null ? List.of() : command);
        args = List.copyOf(args == null ? List.of() : args);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env == null ? Map.of() : env));
        replicas = Collections.unmodifiableMap(new LinkedHashMap<>(replicas == null ? Map.of() : replicas));
        resources = resources == null ? Resources.NONE : resources;
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files == null ? Map.of() : files));
    }

    /** Total replicas across all replica types. */
    public int totalReplicas() {
        return replicas.values().stream().mapToInt(Integer::intValue).sum();
    }
}
