package dev.kubebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * One duration grammar: a spec's {@code timeout} and every duration flag accept and reject exactly the same strings
 * (dev.kubebench.core.time.Durations; a timeout or grace of zero is rejected by both).
 */
class DurationFlagsTest {
    /** Each string and whether it is a positive duration. */
    private static final Map<String, Boolean> SAMPLES = new LinkedHashMap<>();

    static {
        for (String valid : List.of("90s", "30m", "2h", "1h30m", "1d", "1d12h", "1.5h", "500ms", "1s250ms", "0.5s",
                "2h0m", "10m")) {
            SAMPLES.put(valid, true);
        }
        for (String invalid : List.of("90", "30m1h", "2H", "", "0s", "0h0m", "0.4ms", "-5m", "1 h", "1h 30m", "h",
                "1.h", ".5h", "1w", "abc", "1h1h", "5sm", "1e3s", "PT1H")) {
            SAMPLES.put(invalid, false);
        }
    }

    @TempDir
    Path dir;

    @Test
    void everyDurationFlagUsesTheDurationsConverter() {
        List<String> flags = new ArrayList<>();
        for (Map.Entry<String, OptionSpec> flag : durationFlags().entrySet()) {
            flags.add(flag.getKey());
            for (ITypeConverter<?> c : flag.getValue().converters()) {
                assertTrue(c instanceof Converters.Duration || c instanceof Converters.Seconds,
                        flag.getKey() + " converts with " + c.getClass().getName());
            }
            assertEquals(1, flag.getValue().converters().length, flag.getKey());
        }
        assertEquals(List.of("history delete --since", "history list --since", "plan --target-time", "report --since",
                "run --unschedulable-grace", "telemetry --step", "trend --since"), flags);
    }

    @Test
    void specTimeoutAndEveryDurationFlagAcceptTheSameStrings() throws IOException {
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, String.join("\n",
                "apiVersion: kubebench.dev/v1alpha1",
                "kind: Benchmark",
                "metadata: {name: durations}",
                "spec:",
                "  workload: {name: synthetic, metric: throughput_samples_per_s}",
                "  job: {kind: PyTorchJob, image: example/train:1, replicas: {Master: 1}}",
                ""));
        Map<String, Boolean> timeout = new LinkedHashMap<>();
        for (String s : SAMPLES.keySet()) {
            CliRun r = CliRun.of("validate", spec.toString(), "--set", "timeout=" + s);
            assertTrue(r.exitCode() == 0 || r.exitCode() == 2, s + ": " + r.err());
            timeout.put(s, r.exitCode() == 0);
        }
        assertEquals(SAMPLES, timeout, "spec.timeout");
        for (Map.Entry<String, OptionSpec> flag : durationFlags().entrySet()) {
            String command = flag.getKey().substring(0, flag.getKey().lastIndexOf(' '));
            Map<String, Boolean> accepted = new LinkedHashMap<>();
            for (String s : SAMPLES.keySet()) {
                accepted.put(s, parses(command, flag.getValue().longestName() + "=" + s));
            }
            assertEquals(timeout, accepted, flag.getKey());
        }
    }

    /** Whether picocli converts the option's value; what else the command requires does not matter here. */
    private static boolean parses(String command, String arg) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add(arg);
        try {
            Main.newCommandLine().parseArgs(args.toArray(String[]::new));
            return true;
        } catch (MissingParameterException e) {
            return true;
        } catch (ParameterException e) {
            return false;
        }
    }

    /** "command --flag" to option, for every option of every command that takes a duration. */
    private static Map<String, OptionSpec> durationFlags() {
        Map<String, OptionSpec> flags = new LinkedHashMap<>();
        collect(Main.newCommandLine(), "", flags);
        return new TreeMap<>(flags);
    }

    private static void collect(CommandLine command, String prefix, Map<String, OptionSpec> into) {
        for (OptionSpec o : command.getCommandSpec().options()) {
            if ("DURATION".equals(o.paramLabel()) || o.type() == Duration.class) {
                into.put(prefix + o.longestName(), o);
            }
        }
        for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
            collect(sub.getValue(), prefix + sub.getKey() + " ", into);
        }
    }
}
