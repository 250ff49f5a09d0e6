package dev.kubebench.catalog.load;

import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.catalog.spec.EnvValue;
import dev.kubebench.catalog.spec.JobKind;
import dev.kubebench.catalog.spec.JobSpec;
import dev.kubebench.catalog.spec.Resources;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Binds {@code spec.job}: the kind (with "did you mean"), replica types normalised to the operator's CamelCase,
 * resources, shipped files and an optional existing manifest. The operators' admission rules are checked later by
 * {@link SpecValidator}.
 */
final class JobBinder {
    static final String MPI_V2BETA1 = "kubeflow.org/v2beta1";
    static final String DEFAULT_RUNTIME = "torch-distributed";
    /** Fields a bring-your-own manifest already defines. */
    static final List<String> MANIFEST_EXCLUSIVE = List.of("image", "command", "args", "replicas", "resources",
            "restartPolicy", "runtime", "numProcPerNode", "slotsPerWorker");
    private static final Pattern QUANTITY =
            Pattern.compile("[0-9]+(\\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei|[eE][0-9]+)?");
    static final int MAX_REPLICAS = 100_000;

    private final Path specDir;
    private final boolean requireFiles;
    private final Fields spec;
    private final Problems problems;

    JobBinder(Path specDir, boolean requireFiles, Fields spec, Problems problems) {
        this.specDir = specDir;
        this.requireFiles = requireFiles;
        this.spec = spec;
        this.problems = problems;
    }

    JobSpec bind() {
        Node n = spec.node("job");
        if (n == null) {
            spec.missing("job");
            return null;
        }
        Fields job = Fields.of(n, "spec.job", problems, spec.marks(), SpecFields.JOB);
        Path manifest = manifestPath(job);
        // A recorded run's manifest may be gone; then only what the spec itself says is known.
        ManifestInfo info = manifest == null || !Files.isRegularFile(manifest) ? null
                : ManifestInfo.read(manifest, job, problems);
        JobKind kind = kind(job, info);
        String apiVersion = job.string("apiVersion");
        if (info != null) {
            for (String f : MANIFEST_EXCLUSIVE) {
                if (job.has(f)) {
                    job.problem(f, "cannot be combined with job.manifest; the manifest defines it");
                }
            }
            if (apiVersion != null && info.apiVersion() != null && !apiVersion.equals(info.apiVersion())) {
                job.problem("apiVersion", "'" + apiVersion + "' does not match the manifest's apiVersion '"
                        + info.apiVersion() + "'");
            }
            apiVersion = apiVersion == null ? info.apiVersion() : apiVersion;
        }
        if (kind != null) {
            apiVersion = apiVersion(job, kind, apiVersion);
        }
        String image = job.string("image");
        if (manifest == null && kind != null && image == null) {
            job.problem("image", "required field is missing (or give job.manifest)");
        } else if (image != null) {
            String why = ImageReferences.problem(image).orElse(null);
            if (why != null) {
                job.problem("image", "'" + Fields.shown(job.node("image")) + "' is not a valid image reference: " + why);
            }
        }
        List<String> command = job.stringList("command");
        job.program("command", command);
        List<String> args = job.stringList("args");
        job.noNul("args", args);
        Map<String, EnvValue> env = EnvBinder.bind(job, "env");
        Map<String, Integer> replicas = info != null ? info.replicas()
                : manifest != null ? Map.of() : replicas(job, kind);
        Resources resources = resources(job.object("resources", SpecFields.RESOURCES));
        Map<String, Path> files = files(job);
        String restartPolicy = job.string("restartPolicy");
        String runtime = job.string("runtime");
        if (runtime != null && !Names.isDns1123Subdomain(runtime)) {
            job.problem("runtime", "'" + runtime + "' is not a valid ClusterTrainingRuntime name");
        }
        if (runtime == null && kind == JobKind.TRAIN_JOB && manifest == null) {
            runtime = DEFAULT_RUNTIME;
        }
        Integer numProcPerNode = job.integer("numProcPerNode", 1, 1024);
        Integer slotsPerWorker = job.integer("slotsPerWorker", 1, 1024);
        if (kind == null) {
            return null;
        }
        return new JobSpec(kind, apiVersion, image, command, args, env, replicas, resources, files, manifest,
                restartPolicy, runtime, numProcPerNode, slotsPerWorker);
    }

    private JobKind kind(Fields job, ManifestInfo info) {
        String name = job.string("kind");
        if (name == null && info != null && info.kind() != null) {
            name = info.kind();
        }
        if (name == null) {
            if (!job.has("kind")) {
                job.missing("kind");
            }
            return null;
        }
        JobKind kind = JobKind.byKindName(name).orElse(null);
        List<String> names = Arrays.stream(JobKind.values()).map(JobKind::kindName).toList();
        if (kind == null) {
            String where = info != null && job.string("kind") == null ? " in the manifest" : "";
            job.problem("kind", "unknown job kind '" + name + "'" + where + Suggestions.hint(name, names));
            return null;
        }
        if (info != null && info.kind() != null && !info.kind().equals(name)) {
            job.problem("kind", "'" + name + "' does not match the manifest's kind '" + info.kind() + "'");
        }
        return kind;
    }

    private static String apiVersion(Fields job, JobKind kind, String apiVersion) {
        if (apiVersion == null) {
            return kind.apiVersion();
        }
        List<String> allowed = kind == JobKind.MPI_JOB ? List.of(kind.apiVersion(), MPI_V2BETA1)
                : List.of(kind.apiVersion());
        if (!allowed.contains(apiVersion)) {
            job.problem("apiVersion", "unsupported apiVersion '" + apiVersion + "' for " + kind.kindName()
                    + "; expected " + String.join(" or ", allowed.stream().map(a -> "'" + a + "'").toList()));
            return kind.apiVersion();
        }
        return apiVersion;
    }

    private Map<String, Integer> replicas(Fields job, JobKind kind) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (!job.has("replicas")) {
            if (kind != null && kind.replicaTypes().size() == 1) {
                out.put(kind.replicaTypes().get(0), 1);
            } else if (kind != null) {
                job.problem("replicas", "required for " + kind.kindName() + ": replicas per replica type, one of "
                        + String.join(", ", kind.replicaTypes()));
            }
            return out;
        }
        for (Node.Entry e : job.entries("replicas")) {
            String where = "spec.job.replicas." + e.key();
            job.marks().put(where, e.value().mark());
            String type = e.key();
            if (kind != null) {
                String canonical = canonicalType(kind, e.key());
                if (canonical == null) {
                    problems.add(e.keyMark(), where, "unknown replica type '" + e.key() + "' for "
                            + kind.kindName() + Suggestions.hint(e.key(), kind.replicaTypes()));
                    continue;
                }
                type = canonical;
                if (out.containsKey(type)) {
                    problems.add(e.keyMark(), where, "replica type " + type + " is given twice");
                    continue;
                }
                job.marks().put("spec.job.replicas." + type, e.value().mark());
            }
            Integer count = job.integerValue(e.value(), where, 0, MAX_REPLICAS);
            if (count != null) {
                out.put(type, count);
            }
        }
        return out;
    }

    /** The operator's CamelCase for a replica type ({@code setTypeNameToCamelCase}: case-insensitive); null if none. */
    static String canonicalType(JobKind kind, String key) {
        for (String t : kind.replicaTypes()) {
            if (t.equalsIgnoreCase(key)) {
                return t;
            }
        }
        return null;
    }

    private Resources resources(Fields r) {
        if (r == null) {
            return Resources.NONE;
        }
        Integer gpus = r.integer("gpu", 0, 1024);
        String cpu = quantity(r, "cpu");
        String memory = quantity(r, "memory");
        return new Resources(gpus == null ? 0 : gpus, cpu, memory);
    }

    private static String quantity(Fields r, String key) {
        String q = r.string(key);
        if (q != null && !QUANTITY.matcher(q).matches()) {
            r.problem(key, "'" + Fields.shown(r.node(key)) + "' is not a Kubernetes quantity (e.g. 96, 500m, 900Gi)");
            return null;
        }
        if (q != null && Quantities.tooLarge(q)) {
            r.problem(key, "must be at most " + Quantities.MAX + " (what a Kubernetes quantity holds), got "
                    + Fields.shown(r.node(key)));
            return null;
        }
        return q;
    }

    private Map<String, Path> files(Fields job) {
        Map<String, Path> out = new LinkedHashMap<>();
        for (Node.Entry e : job.entries("files")) {
            String where = "spec.job.files." + e.key();
            job.marks().put(where, e.value().mark());
            if (!Names.isConfigMapKey(e.key())) {
                problems.add(e.keyMark(), where, "'" + e.key() + "' is not a valid file name for a ConfigMap key"
                        + " (letters, digits, '-', '_', '.')");
            }
            String p = job.text(e.value(), where);
            if (p == null) {
                continue;
            }
            Path resolved = existingFile(p, e.value().mark(), where);
            if (resolved != null) {
                out.put(e.key(), resolved);
            }
        }
        return out;
    }

    private Path manifestPath(Fields job) {
        String p = job.string("manifest");
        return p == null ? null : existingFile(p, job.markOf("manifest"), "spec.job.manifest");
    }

    /** Resolves {@code p} against the spec file's directory; null (reported) when it is not a readable file. */
    private Path existingFile(String p, Mark mark, String where) {
        Path resolved;
        try {
            resolved = specDir.resolve(p).normalize();
        } catch (InvalidPathException e) {
            problems.add(mark, where, "'" + p + "' is not a valid path");
            return null;
        }
        if (requireFiles && !Files.isRegularFile(resolved)) {
            problems.add(mark, where, "file '" + p + "' does not exist (resolved against " + specDir + ")");
            return null;
        }
        return resolved;
    }
}
