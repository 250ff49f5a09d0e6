package dev.kubebench.cli;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.report.analysis.plan.CapacityPlan;
import dev.kubebench.report.analysis.plan.CapacityPlanner;
import dev.kubebench.report.analysis.plan.Measurement;
import dev.kubebench.report.csv.MeasurementCsv;
import dev.kubebench.report.PlanFormat;
import dev.kubebench.report.analysis.plan.PlanSettings;
import dev.kubebench.report.analysis.plan.PriceTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kubebench plan}: scaling efficiency, a USL fit with projections, GPU-hours and cost. */
@Command(name = "plan",
        mixinStandardHelpOptions = true,
        description = {
            "Capacity planning: per node pool throughput per GPU, speedup and scaling efficiency, a Universal "
                + "Scalability Law fit X(N) = lambda*N / (1 + sigma*(N-1) + kappa*N*(N-1)) with projections and the "
                + "peak N* = sqrt((1-sigma)/kappa), GPU-hours and cost from your price table, the cheapest "
                + "configuration meeting --target-time and the time/cost frontier."},
        footer = {"", "Measurements CSV columns: pool,gpus,throughput_samples_per_s[,time_to_train_s][,gpu_type]"
                + "[,energy_per_sample_j].",
            "Example: kubebench plan --measurements scaling.csv --prices prices.yaml --target-time 2h -o html "
                + "> plan.html", "", ExitCodes.TABLE})
public final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose;

    @Parameters(arity = "0..*", paramLabel = "PATH",
            description = "Run or results directories of sweeps over GPU count and node pool.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--measurements", paramLabel = "FILE.csv",
            description = "External measurements (repeatable).")
    List<Path> measurementFiles = new ArrayList<>();

    @Option(names = "--prices", paramLabel = "FILE.yaml",
            description = "Price per GPU-hour by pool or GPU type; without it costs are in GPU-hours.")
    Path prices;

    @Option(names = "--target-time", paramLabel = "DURATION", converter = Converters.Seconds.class,
            description = "Time-to-train target (e.g. 2h, 90m): report the cheapest configuration meeting it.")
    Double targetTimeSeconds;

    @Option(names = "--samples-to-train", paramLabel = "N",
            description = "Samples one training run needs; default: derived from measured time_to_train_s.")
    Double samplesToTrain;

    @Option(names = "--energy-price", paramLabel = "PRICE",
            description = "Electricity price per kWh, in the --prices currency: adds the energy cost of a training "
                    + "run to measurements with energy_per_sample_j (GPU telemetry).")
    Double energyPrice;

    @Option(names = "--max-gpus", paramLabel = "N", defaultValue = "0",
            description = "Largest scale to project to (default: 4x the largest measured).")
    int maxGpus;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    PlanFormat format;

    private final MeasurementSource runs;

    public PlanCommand() {
        this(MeasurementSource.standard());
    }

    PlanCommand(MeasurementSource runs) {
        this.runs = runs;
    }

    @Override
    public Integer call() {
        if (paths.isEmpty() && measurementFiles.isEmpty()) {
            throw new KubebenchException(Failure.INVALID_INPUT,
                    "nothing to plan from: give run directories or --measurements FILE.csv");
        }
        if (maxGpus < 0) {
            throw new KubebenchException(Failure.INVALID_INPUT, "--max-gpus must not be negative");
        }
        if (samplesToTrain != null && !(samplesToTrain > 0)) {
            throw new KubebenchException(Failure.INVALID_INPUT, "--samples-to-train must be positive");
        }
        if (energyPrice != null && !(energyPrice >= 0 && Double.isFinite(energyPrice))) {
            throw new KubebenchException(Failure.INVALID_INPUT, "--energy-price must be a price per kWh, at least 0");
        }
        List<Measurement> measurements = new ArrayList<>();
        for (Path p : paths) {
            measurements.addAll(runs.load(p));
        }
        for (Path f : measurementFiles) {
            measurements.addAll(MeasurementCsv.read(f));
        }
        if (measurements.isEmpty()) {
            throw new KubebenchException(Failure.INVALID_INPUT, "no throughput measurements found in " + paths);
        }
        PriceTable table = prices == null ? null : PriceTable.load(prices);
        PlanSettings settings = new PlanSettings(targetTimeSeconds == null ? Double.NaN : targetTimeSeconds,
                samplesToTrain == null ? Double.NaN : samplesToTrain, maxGpus,
                PlanSettings.DEFAULT_EXTRAPOLATION_WARNING, energyPrice == null ? Double.NaN : energyPrice);
        CapacityPlan plan = new CapacityPlanner(settings, table).plan(measurements);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.render(plan));
        out.flush();
        return ExitCodes.OK;
    }
}
