package dev.kubebench.cli;

import dev.kubebench.core.text.Printable;
import dev.kubebench.catalog.load.SpecLoader;
import dev.kubebench.catalog.load.Suggestions;
import dev.kubebench.catalog.plan.BenchmarkPlan;
import dev.kubebench.catalog.spec.CollectSpec;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.collector.result.TelemetryStatus;
import dev.kubebench.collector.store.RunDirectory;
import dev.kubebench.collector.telemetry.TelemetryRecorder;
import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.report.Reports;
import dev.kubebench.runner.kubernetes.KubernetesBackend;
import dev.kubebench.runner.kubernetes.KubernetesSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kubebench telemetry RUN_DIR}: (re)collects the hardware telemetry of a finished run from Prometheus, for the
 * pods and windows the run recorded, rewrites each trial's result.json and telemetry.csv, and regenerates the reports.
 */
@Command(name = "telemetry", mixinStandardHelpOptions = true,
        description = {"(Re)collect the GPU/node telemetry of a finished run from Prometheus for the pods and time "
                + "windows the run recorded; rewrite each trial's result.json and telemetry.csv and the reports.",
            "Without --prometheus or --service, the run spec's prometheus collector is used (docs/telemetry.md)."},
        footer = {"", "Exit codes: 0 telemetry recorded for every trial; 2 bad arguments or run directory; 4 "
                + "Prometheus gave no telemetry for some trial (unreachable, error, no series; those result.json "
                + "files are left as they were)."})
public final class TelemetryCommand implements Callable<Integer> {
    private static final Pattern SERVICE = Pattern.compile("([a-z0-9][-a-z0-9]*)/([a-z0-9][-a-z0-9]*):([-a-z0-9]+)");

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The run directory (results/<benchmark>/<run-id>).")
    Path runDir;

    @Option(names = "--prometheus", paramLabel = "URL", description = "The Prometheus base URL, e.g. "
            + "http://prometheus.monitoring:9090.")
    String url;

    @Option(names = "--service", paramLabel = "NS/NAME:PORT", description = "A Prometheus service through the API "
            + "server's service proxy, e.g. monitoring/prometheus-k8s:9090 (uses the kubeconfig).")
    String service;

    @Option(names = "--step", paramLabel = "DURATION", converter = Converters.Duration.class,
            description = "Query resolution (default: the spec's, else about 1000 points per trial, at least 1s).")
    Duration step;

    @Option(names = "--profile", paramLabel = "NAME", description = "dcgm, node or none (default: the spec's, "
            + "else dcgm).")
    String profile;

    @Mixin
    ClusterOptionsMixin cluster;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (url != null && service != null) {
            throw new ParameterException(spec.commandLine(), "give at most one of --prometheus and --service");
        }
        RunDirectory run = RunDirectory.of(runDir);
        if (!Files.isDirectory(run.trialsDir())) {
            throw new KubebenchException(Failure.INVALID_INPUT, runDir + ": not a run directory (no trials/)");
        }
        BenchmarkPlan plan = plan(run, err);
        KubernetesBackend cluster = null;
        int unavailable = 0;
        try {
            List<RunResult> recorded = new ArrayList<>();
            for (int trial : run.trials()) {
                if (!Files.isRegularFile(run.resultJson(trial))) {
                    continue;
                }
                CollectSpec.Prometheus p = prometheus(plan, trial);
                if (p.service() != null && cluster == null) {
                    cluster = connect(err);
                }
                TelemetryRecorder recorder = new TelemetryRecorder(cluster == null ? null
                        : new ClusterProxy(cluster)::transport);
                RunResult r = recorder.record(run, run.readResult(trial), p, false);
                recorded.add(r);
                RunResult.Telemetry t = r.telemetry();
                if (t.status() == TelemetryStatus.UNAVAILABLE) {
                    unavailable++;
                    err.println("warning: trial " + trial + ": telemetry unavailable: " + Printable.escape(t.reason()));
                } else {
                    out.println("trial " + trial + ": telemetry " + t.status().jsonName() + " ("
                            + r.metrics().keySet().stream().filter(TelemetryRecorder.produced(p)::contains).count()
                            + " metrics)");
                    t.warnings().forEach(w -> err.println("warning: trial " + trial + ": " + Printable.escape(w)));
                }
            }
            if (recorded.isEmpty()) {
                throw new KubebenchException(Failure.INVALID_INPUT, runDir + ": no trial has a result.json");
            }
            List<Path> written = Reports.writeAll(run.path());
            out.println("reports: " + written.size() + " files rewritten in " + run.path());
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
        out.flush();
        err.flush();
        return unavailable == 0 ? ExitCodes.OK : ExitCodes.INFRASTRUCTURE;
    }

    /** The run's recorded spec, or null when it cannot be loaded (then the options must say where Prometheus is). */
    private BenchmarkPlan plan(RunDirectory run, PrintWriter err) {
        if (!Files.isRegularFile(run.benchmarkYaml())) {
            return null;
        }
        try {
            return SpecLoader.loadFile(run.benchmarkYaml(), null, List.of());
        } catch (KubebenchException e) {
            if (url == null && service == null) {
                throw e;
            }
            err.println("warning: " + run.benchmarkYaml() + " does not load ("
                    + Printable.escape(e.getMessage().lines().findFirst().orElse("")) + "); using the options only");
            return null;
        }
    }

    /** The spec's collector for this trial with the options applied. */
    private CollectSpec.Prometheus prometheus(BenchmarkPlan plan, int trial) {
        CollectSpec.Prometheus base = null;
        if (plan != null && !plan.trials().isEmpty()) {
            int i = trial < plan.trials().size() ? trial : 0;
            base = TelemetryRecorder.telemetrySpec(plan.trials().get(i).benchmark().spec()).orElse(null);
        }
        if (base == null && url == null && service == null) {
            throw new ParameterException(spec.commandLine(), "the run's spec has no prometheus collector: give "
                    + "--prometheus URL or --service NS/NAME:PORT");
        }
        String u = url != null ? checkedUrl(url) : service != null || base == null ? null : base.url();
        CollectSpec.Service s = service != null ? parseService(service)
                : url != null || base == null ? null : base.service();
        CollectSpec.TelemetryProfile prof = profile != null ? parseProfile(profile)
                : base == null ? CollectSpec.TelemetryProfile.DCGM : base.profile();
        return new CollectSpec.Prometheus(u, s, prof, base == null ? Map.of() : base.queries(),
                step != null ? step : base == null ? null : base.step(), base == null ? null : base.auth(),
                base == null ? null : base.tls());
    }

    private String checkedUrl(String u) {
        try {
            URI uri = new URI(u);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return u;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new ParameterException(spec.commandLine(), "--prometheus: expected an http:// or https:// URL such as "
                + "http://prometheus.monitoring:9090, got '" + u + "'");
    }

    private CollectSpec.Service parseService(String s) {
        Matcher m = SERVICE.matcher(s);
        if (!m.matches()) {
            throw new ParameterException(spec.commandLine(), "--service: expected NS/NAME:PORT such as "
                    + "monitoring/prometheus-k8s:9090, got '" + s + "'");
        }
        return new CollectSpec.Service(m.group(1), m.group(2), m.group(3));
    }

    private CollectSpec.TelemetryProfile parseProfile(String p) {
        List<String> names = new ArrayList<>();
        for (CollectSpec.TelemetryProfile t : CollectSpec.TelemetryProfile.values()) {
            names.add(t.yamlName());
        }
        if (!names.contains(p)) {
            throw new ParameterException(spec.commandLine(), "--profile: unknown profile '" + p + "'"
                    + Suggestions.hint(p, names));
        }
        return CollectSpec.TelemetryProfile.valueOf(p.toUpperCase(Locale.ROOT));
    }

    private KubernetesBackend connect(PrintWriter err) {
        return KubernetesBackend.connect(cluster.toClusterOptions(), KubernetesSettings.DEFAULTS.withCheckNodes(false),
                (trial, id, job) -> {
                    throw new IllegalStateException("telemetry creates nothing");
                }, w -> err.println("warning: " + Printable.escape(w)));
    }

    /** Opens proxy transports on a connected cluster. */
    private record ClusterProxy(KubernetesBackend backend) {
        ProxyTransport transport(CollectSpec.Service s) {
            return new ProxyTransport(backend.serviceProxy(), s);
        }
    }
}
