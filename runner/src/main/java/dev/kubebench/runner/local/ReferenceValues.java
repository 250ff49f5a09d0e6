package dev.kubebench.runner.local;

import dev.kubebench.catalog.plan.BenchmarkPlan;
import dev.kubebench.catalog.plan.Trial;
import dev.kubebench.catalog.spec.BenchmarkSpec;
import dev.kubebench.catalog.spec.EnvValue;
import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.core.secret.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a local replica's {@code valueFrom} references get their values, since there is no API server to ask.
 *
 * <p>{@code secretKeyRef} and {@code configMapKeyRef} are looked up by the <em>environment variable's name</em>
 * (for {@code HF_TOKEN: {valueFrom: {secretKeyRef: {name: hf, key: token}}}} that is {@code HF_TOKEN}): first in
 * {@code --secret-env-file}, then in kubebench's own environment; never in the spec. A missing non-optional value is
 * an error naming the variable, never quoting a value. {@code fieldRef} maps to the local replica:
 * {@code metadata.name} is the replica's pod name, {@code metadata.namespace} and {@code spec.serviceAccountName}
 * are {@code default}, {@code spec.nodeName} is this host's name, the IP fields are {@code 127.0.0.1}; the others
 * ({@code metadata.uid}, labels, annotations) have no local equivalent and are an error.
 *
 * @param file    the variables of {@code --secret-env-file} (all of them count as secrets), in file order
 * @param hostEnv kubebench's own environment
 */
public record ReferenceValues(Map<String, String> file, Map<String, String> hostEnv) {
    /** The local namespace of {@code metadata.namespace}: what the recorded manifest says. */
    public static final String NAMESPACE = "default";
    private static final String LOOPBACK = "127.0.0.1";

    public ReferenceValues {
        file = Collections.unmodifiableMap(new LinkedHashMap<>(file));
        hostEnv = Map.copyOf(hostEnv);
    }

    /** Values from kubebench's environment only (no {@code --secret-env-file}). */
    public static ReferenceValues of(Map<String, String> hostEnv) {
        return new ReferenceValues(Map.of(), hostEnv);
    }

    /**
     * Reads {@code --secret-env-file}: one {@code NAME=VALUE} per line, the value taken verbatim up to the end of the
     * line (no quotes, no escapes, no {@code export}); blank lines and lines starting with {@code #} are skipped; a
     * name may appear once.
     *
     * @throws KubebenchException INVALID_INPUT naming the file and line (never the line's content), INFRASTRUCTURE
     *                            when it cannot be read
     */
    public static ReferenceValues read(Path secretEnvFile, Map<String, String> hostEnv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(secretEnvFile, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new KubebenchException(Failure.INVALID_INPUT, "--secret-env-file " + secretEnvFile
                    + ": no such file");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new KubebenchException(Failure.INVALID_INPUT, "--secret-env-file " + secretEnvFile
                    + ": not UTF-8 text");
        } catch (IOException e) {
            throw new KubebenchException(Failure.INFRASTRUCTURE, "--secret-env-file " + secretEnvFile
                    + ": cannot read: " + e.getClass().getSimpleName());
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            String where = secretEnvFile + ":" + (i + 1) + ": ";
            int eq = line.indexOf('=');
            String name = eq < 0 ? "" : line.substring(0, eq);
            if (eq <= 0 || !name.matches("[-._a-zA-Z][-._a-zA-Z0-9]*")) {
                problems.add(where + "expected NAME=VALUE with NAME a valid environment variable name");
            } else if (line.indexOf('\0') >= 0) {
                problems.add(where + name + ": the value contains a NUL byte");
            } else if (values.putIfAbsent(name, line.substring(eq + 1)) != null) {
                problems.add(where + name + " is given twice");
            }
        }
        if (!problems.isEmpty()) {
            throw new KubebenchException(Failure.INVALID_INPUT, problems, null);
        }
        return new ReferenceValues(values, hostEnv);
    }

    /**
     * The value of one variable for a replica, or null when an optional reference finds nothing.
     *
     * @param where the variable's spec path for messages, e.g. {@code job.env.HF_TOKEN}
     * @throws KubebenchException INVALID_INPUT when a required value is missing or a field has no local equivalent
     */
    public String resolve(String where, String name, EnvValue value, Replica replica) {
        if (value instanceof EnvValue.Literal) {
            return ((EnvValue.Literal) value).value();
        }
        if (value instanceof EnvValue.FieldRef) {
            return field(where, ((EnvValue.FieldRef) value).fieldPath(), replica);
        }
        boolean secret = value instanceof EnvValue.SecretKeyRef;
        boolean optional = secret ? ((EnvValue.SecretKeyRef) value).optional()
                : ((EnvValue.ConfigMapKeyRef) value).optional();
        String found = lookup(name);
        if (found == null && !optional) {
            throw new KubebenchException(Failure.INVALID_INPUT, where + ": " + (secret ? "secretKeyRef" : "configMapKeyRef")
                    + " needs " + name + " in --secret-env-file or in kubebench's environment (the local backend"
                    + " has no cluster to read it from)");
        }
        return found;
    }

    /**
     * Checks that every reference of every trial resolves, and returns the secret values: those the plan's
     * {@code secretKeyRef}s resolve to, those of {@code configMapKeyRef}s whose variable name looks secret, and every
     * value of {@code --secret-env-file}.
     *
     * @throws KubebenchException INVALID_INPUT listing every variable that cannot be resolved
     */
    public Set<String> check(BenchmarkPlan plan) {
        Set<String> secrets = new LinkedHashSet<>(file.values());
        Set<String> problems = new LinkedHashSet<>();
        Replica probe = new Replica("Master", 0, "probe");
        for (Trial trial : plan.trials()) {
            BenchmarkSpec spec = trial.benchmark().spec();
            Map<String, Map<String, EnvValue>> envs = new LinkedHashMap<>();
            envs.put("job.env", spec.job().env());
            if (spec.local() != null) {
                envs.put("local.env", spec.local().env());
            }
            envs.forEach((prefix, env) -> env.forEach((name, value) -> {
                try {
                    String v = resolve(prefix + "." + name, name, value, probe);
                    boolean secret = value instanceof EnvValue.SecretKeyRef
                            || value instanceof EnvValue.ConfigMapKeyRef && Redactor.secretName(name);
                    if (v != null && secret) {
                        secrets.add(v);
                    }
                } catch (KubebenchException e) {
                    problems.addAll(e.problems());
                }
            }));
        }
        if (!problems.isEmpty()) {
            throw new KubebenchException(Failure.INVALID_INPUT, List.copyOf(problems), null);
        }
        return secrets;
    }

    private String lookup(String name) {
        String v = file.get(name);
        return v != null ? v : hostEnv.get(name);
    }

    private String field(String where, String path, Replica replica) {
        return switch (path) {
            case "metadata.name" -> replica.pod();
            case "metadata.namespace", "spec.serviceAccountName" -> NAMESPACE;
            case "spec.nodeName" -> hostName();
            case "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs" -> LOOPBACK;
            default -> throw new KubebenchException(Failure.INVALID_INPUT, where + ": fieldRef " + path
                    + " has no equivalent for a local replica (use a literal value in local.env)");
        };
    }

    private String hostName() {
        String h = hostEnv.get("HOSTNAME");
        if (h != null && !h.isBlank()) {
            return h;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
