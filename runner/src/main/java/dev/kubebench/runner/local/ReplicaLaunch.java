package dev.kubebench.runner.local;

import dev.kubebench.catalog.spec.BenchmarkSpec;
import dev.kubebench.catalog.spec.EnvValue;
import dev.kubebench.catalog.spec.JobSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one local replica runs: its argv and its container environment, computed like the kubelet would from the
 * spec plus the operator's variables.
 *
 * <p>Container env, in order (a later name wins, each value may reference the ones before it):
 * {@code KUBEBENCH_RUN_ID}, {@code KUBEBENCH_TRIAL}, {@code KUBEBENCH_FILES_DIR}, {@code job.env}, the operator's
 * variables (appended after the user's, as the operators do), {@code CUDA_VISIBLE_DEVICES} (the replica's share of
 * the host GPUs, {@link OperatorEnvironment#visibleGpus}), {@code local.env}. The argv is
 * {@code local.command} when given, else {@code job.command + job.args}; {@code $(VAR)} is expanded against the
 * container env; the files mount path {@value JobSpec#FILES_MOUNT_PATH} is rewritten to the trial's files
 * directory; argv[0] {@code python3}/{@code python} becomes {@code $KUBEBENCH_PYTHON} and {@code torchrun} becomes
 * {@code $KUBEBENCH_PYTHON -m torch.distributed.run} when that host variable is set.
 *
 * @param replica the replica
 * @param argv    the command line, never empty
 * @param env     the container environment (added on top of the host's, minus operator variable names)
 */
public record ReplicaLaunch(Replica replica, List<String> argv, Map<String, String> env) {
    /** Host variable naming an interpreter with torch, used for {@code python3}, {@code python}, {@code torchrun}. */
    public static final String PYTHON_VARIABLE = "KUBEBENCH_PYTHON";

    private static final Pattern MOUNT_PATH =
            Pattern.compile(Pattern.quote(JobSpec.FILES_MOUNT_PATH) + "(?=/|$|[^A-Za-z0-9_.-])");

    public ReplicaLaunch {
        Objects.requireNonNull(replica, "replica");
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command for " + replica.pod());
        }
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }

    /**
     * Computes the launch of one replica.
     *
     * @param spec      the trial's resolved spec
     * @param operator  the operator environment of the trial's job
     * @param replica   the replica
     * @param runId     the run id
     * @param trial     the trial index
     * @param filesDir  the trial's directory of shipped files
     * @param hostEnv   the host environment (only {@value #PYTHON_VARIABLE} is read)
     */
    public static ReplicaLaunch of(BenchmarkSpec spec, OperatorEnvironment operator, Replica replica, String runId,
                                   int trial, Path filesDir, Map<String, String> hostEnv) {
        return of(spec, operator, replica, runId, trial, filesDir, hostEnv, ReferenceValues.of(hostEnv));
    }

    /**
     * Computes the launch of one replica, resolving {@code valueFrom} references in {@code job.env} and
     * {@code local.env} through {@code references} (an optional reference that finds nothing leaves the variable
     * unset, as the kubelet does).
     *
     * @throws dev.kubebench.core.error.KubebenchException INVALID_INPUT when a reference cannot be resolved
     */
    public static ReplicaLaunch of(BenchmarkSpec spec, OperatorEnvironment operator, Replica replica, String runId,
                                   int trial, Path filesDir, Map<String, String> hostEnv,
                                   ReferenceValues references) {
        String files = filesDir.toAbsolutePath().toString();
        Map<String, String> declared = new LinkedHashMap<>();
        declared.put("KUBEBENCH_RUN_ID", runId);
        declared.put("KUBEBENCH_TRIAL", Integer.toString(trial));
        declared.put("KUBEBENCH_FILES_DIR", files);
        resolve("job.env", spec.job().env(), replica, references, declared);
        declared.putAll(operator.env(replica));
        declared.put("CUDA_VISIBLE_DEVICES", operator.visibleGpus(replica));
        if (spec.local() != null) {
            resolve("local.env", spec.local().env(), replica, references, declared);
        }
        Map<String, String> env = new LinkedHashMap<>();
        VariableExpansion.resolveEnv(declared).forEach((k, v) -> env.put(k, rewriteMountPath(v, files)));

        List<String> argv = new ArrayList<>();
        for (String arg : VariableExpansion.expand(command(spec), env)) {
            argv.add(rewriteMountPath(arg, files));
        }
        String python = hostEnv.get(PYTHON_VARIABLE);
        if (python != null && !python.isBlank() && !argv.isEmpty()) {
            String first = argv.get(0);
            if (first.equals("python3") || first.equals("python")) {
                argv.set(0, python);
            } else if (first.equals("torchrun")) {
                argv.remove(0);
                argv.addAll(0, List.of(python, "-m", "torch.distributed.run"));
            }
        }
        return new ReplicaLaunch(replica, argv, env);
    }

    /** The command a local replica runs before expansion: {@code local.command}, else job command + args. */
    public static List<String> command(BenchmarkSpec spec) {
        if (spec.local() != null && !spec.local().command().isEmpty()) {
            return spec.local().command();
        }
        List<String> argv = new ArrayList<>(spec.job().command());
        argv.addAll(spec.job().args());
        return argv;
    }

    private static void resolve(String prefix, Map<String, EnvValue> env, Replica replica,
                                ReferenceValues references, Map<String, String> declared) {
        env.forEach((name, value) -> {
            String v = references.resolve(prefix + "." + name, name, value, replica);
            if (v != null) {
                declared.put(name, v);
            }
        });
    }

    private static String rewriteMountPath(String value, String filesDir) {
        return MOUNT_PATH.matcher(value).replaceAll(Matcher.quoteReplacement(filesDir));
    }
}
