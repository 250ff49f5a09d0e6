package dev.kubebench.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kubebench.catalog.load.SpecLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of spec loading (issue 12): every spec in mlperf-configs/ and the run fixtures, mutated (hostile
 * scalars: huge numbers, control characters, unicode, empty strings, deep nesting; deleted, repeated and re-indented
 * lines; stray bytes; truncation) and run through {@code validate} and {@code render} in-process with random
 * {@code --set} and {@code --profile} arguments. Every outcome must be exit 0 or 2, with no internal error, no stack
 * trace, no Java class name, and every problem one line starting with {@code file:line:col} or naming the flag.
 *
 * <p>Bounded by time ({@code -Dkubebench.fuzz.seconds}, default 40) and iterations ({@code -Dkubebench.fuzz.iterations},
 * default unbounded); the seed is random unless {@code -Dkubebench.fuzz.seed} is given, and every failure prints it.
 */
class SpecFuzzTest {
    private static final Path ROOT = Path.of(System.getProperty("kubebench.root"));
    private static final Pattern POSITIONED = Pattern.compile("^(.+?):\\d+:\\d+: .*|^--set .*|^--profile .*");
    private static final List<String> HOSTILE = List.of("1e308", "-1e308", "-1", "0", "99999999999999999999999",
            "9223372036854775807", "-9223372036854775808", ".nan", ".inf", "-.inf", "1.5", "0x7fffffff", "\"\"", "''",
            "\" \"", "~", "null", "true", "[]", "{}", "\"\\0\"", "\"a\\0b\"", "\"\\e[31mred\\a\"", "\"line\\nbreak\"",
            "\"\\r\"", "\"\\t\"", "é", "\"😀\"", "\"\\u202e\"", "\"\\uFEFF\"", "\"{{ .missing }}\"", "\"{{\"", "&a x",
            "*nope", "!!binary AAAA", "<<: *x", "\"$(HOME)\"", "9999999h", "31d", "0s", "-5m", "1e3", "Busybox",
            "\"" + "x".repeat(10_000) + "\"", "[" + "[".repeat(100) + "]".repeat(100) + "]",
            "{a: {b: {c: {d: {e: {f: {g: {h: 1}}}}}}}}", "[1, 2, 3]", "{zip: {a: [1, 2, 3], b: [1]}}");
    private static final List<String> SET_PATHS = List.of("timeout", "repetitions", "warmup", "job.image",
            "job.replicas.Worker", "job.replicas.Master", "job.resources.gpu", "job.resources.cpu",
            "job.resources.memory", "job.command[0]", "job.args[0]", "job.env.X", "parameters.batchSize",
            "sweep.zip.a", "sweep.matrix.workers", "workload.name", "gates[0].metric", "metadata.name", "spec",
            "nodePool.gpusPerNode", "scheduling.minAvailable", "collect[0]", "a..b", "[0]", "x[99999999999]");

    /** Command-line mistakes: picocli's usage errors, exit 2 like a bad spec. */
    private static final List<String> STRAY_FLAGS = List.of("--bogus", "--set", "--profile", "-o", "--run-id", "-n",
            "--set=", "--set==", "--profile=", "--", "--verbose=maybe", "--set=\u001b[31m");

    @TempDir
    Path dir;

    @Test
    void mutatedSpecsAndArgumentsExitZeroOrTwoWithOneLineErrors() throws IOException {
        long seed = Long.getLong("kubebench.fuzz.seed", new Random().nextLong());
        long seconds = Long.getLong("kubebench.fuzz.seconds", 40);
        long iterations = Long.getLong("kubebench.fuzz.iterations", Long.MAX_VALUE);
        Random random = new Random(seed);
        List<Path> seeds = seedSpecs();
        assertFalse(seeds.isEmpty());
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long i = 0;
        for (; i < iterations && System.nanoTime() < deadline; i++) {
            Path source = seeds.get(random.nextInt(seeds.size()));
            String text = Files.readString(source, StandardCharsets.UTF_8);
            byte[] mutated = mutate(text, random);
            Path spec = dir.resolve("fuzz-" + (i % 8) + ".yaml");
            Files.write(spec, mutated);
            List<String> args = arguments(random);
            List<String> flags = random.nextInt(10) == 0 ? List.of(STRAY_FLAGS.get(random.nextInt(STRAY_FLAGS.size())))
                    : List.of();
            String context = "seed " + seed + " (rerun with -Dkubebench.fuzz.seed=" + seed + "), iteration " + i
                    + ", from " + source.getFileName() + ", args " + shown(args.toString()) + " " + flags + ", spec:\n"
                    + shown(new String(mutated, StandardCharsets.UTF_8));
            check(spec, args, flags, context);
        }
        System.out.println("SpecFuzzTest: " + i + " mutated specs, seed " + seed);
    }

    private void check(Path spec, List<String> args, List<String> flags, String context) {
        List<String> problems;
        try {
            String profile = null;
            List<String> sets = new ArrayList<>();
            for (int k = 0; k < args.size(); k += 2) {
                if (args.get(k).equals("--profile")) {
                    profile = args.get(k + 1);
                } else {
                    sets.add(args.get(k + 1));
                }
            }
            problems = new SpecLoader().validate(spec, profile, sets);
        } catch (RuntimeException e) {
            fail("validate threw " + e + "; " + context, e);
            return;
        }
        for (String p : problems) {
            assertFalse(p.chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85
                    || c == 0x2028 || c == 0x2029), "one line per problem: " + shown(p) + "; " + context);
            assertTrue(POSITIONED.matcher(p).matches() && (p.startsWith(spec.toString()) || p.startsWith("--")),
                    "names file:line:col or the flag: " + shown(p) + "; " + context);
        }
        for (String command : List.of("validate", "render")) {
            List<String> argv = new ArrayList<>(List.of(command, spec.toString()));
            argv.addAll(args);
            argv.addAll(flags);
            CliRun run = CliRun.of(argv.toArray(String[]::new));
            String all = run.out().length() > 2000 ? run.err() : run.out() + run.err();
            assertTrue(run.exitCode() == 0 || run.exitCode() == 2, command + " exited " + run.exitCode() + ": "
                    + shown(all) + "; " + context);
            if (command.equals("validate") && run.exitCode() == 2 && flags.isEmpty()) {
                for (String line : run.err().split("\n")) {
                    assertTrue(POSITIONED.matcher(line).matches() || line.matches("\\d+ of \\d+ specs? (is|are) invalid")
                            || line.startsWith("error: ") || line.startsWith("Try '"),
                            "each line of validate names file:line:col or the flag: " + shown(line) + "; " + context);
                }
            }
            for (String leak : List.of("internal error", "Exception", "\tat ", "StreamReadConstraints", "tools.jackson",
                    "org.snakeyaml", "java.lang")) {
                assertFalse(run.err().contains(leak), command + " printed '" + leak + "': " + shown(run.err()) + "; "
                        + context);
            }
        }
    }

    private static byte[] mutate(String text, Random random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && !lines.isEmpty(); m++) {
            int at = random.nextInt(lines.size());
            String line = lines.get(at);
            switch (random.nextInt(8)) {
                case 0, 1, 2 -> {
                    int colon = line.indexOf(": ");
                    String value = HOSTILE.get(random.nextInt(HOSTILE.size()));
                    if (colon > 0) {
                        lines.set(at, line.substring(0, colon + 2) + value);
                    } else if (line.trim().startsWith("- ")) {
                        lines.set(at, line.substring(0, line.indexOf("- ") + 2) + value);
                    } else {
                        lines.set(at, line + " " + value);
                    }
                }
                case 3 -> lines.remove(at);
                case 4 -> lines.add(at, line);
                case 5 -> lines.set(at, (random.nextBoolean() ? " " : "") + line.replaceFirst("^ {1,2}", ""));
                case 6 -> {
                    int j = random.nextInt(lines.size());
                    lines.set(at, lines.get(j));
                    lines.set(j, line);
                }
                default -> {
                    String stray = List.of("\u0000", "\u001b", "\u0007", "\t", "\r", "\"", "'", "{", "[", ":", "#",
                            "&", "*", "!", "|", ">", "%", "@", "`", "\uFFFD", "\u0085").get(random.nextInt(21));
                    int pos = line.isEmpty() ? 0 : random.nextInt(line.length() + 1);
                    lines.set(at, line.substring(0, pos) + stray + line.substring(pos));
                }
            }
        }
        byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(20) == 0) {
            bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
        } else if (random.nextInt(20) == 0 && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private static List<String> arguments(Random random) {
        List<String> args = new ArrayList<>();
        int sets = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0;
        for (int s = 0; s < sets; s++) {
            String value = HOSTILE.get(random.nextInt(HOSTILE.size()));
            args.add("--set");
            args.add(SET_PATHS.get(random.nextInt(SET_PATHS.size())) + "=" + unquote(value));
        }
        if (random.nextInt(10) == 0) {
            args.add("--profile");
            args.add(List.of("smoke", "", "nope", "../x", "\u001b").get(random.nextInt(5)));
        }
        return args;
    }

    /** A --set value is text on a command line: YAML escapes in double quotes stay as the user would type them. */
    private static String unquote(String value) {
        return value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2 && !value.contains("\\")
                ? value.substring(1, value.length() - 1) : value;
    }

    private static List<Path> seedSpecs() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path d : List.of(ROOT.resolve("mlperf-configs"), ROOT.resolve("mlperf-configs/examples"),
                ROOT.resolve("kubebench-cli/src/test/resources/run"))) {
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.list(d)) {
                    s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(out::add);
                }
            }
        }
        return out;
    }

    private static String shown(String s) {
        return s.length() <= 3000 ? s : s.substring(0, 3000) + "... (" + s.length() + " characters)";
    }
}
