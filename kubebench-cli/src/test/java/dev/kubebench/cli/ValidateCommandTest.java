package dev.kubebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    private static final String VALID = String.join("\n",
            "apiVersion: kubebench.dev/v1alpha1",
            "kind: Benchmark",
            "metadata: {name: ok}",
            "spec:",
            "  workload: {name: synthetic, metric: throughput_samples_per_s}",
            "  job: {kind: PyTorchJob, image: example/train:1, replicas: {Master: 1, Worker: '{{ .workers }}'}}",
            "  parameters: {workers: 1}",
            "  sweep: {matrix: {workers: [1, 2]}}",
            "  repetitions: 3",
            "  profiles:",
            "    smoke: {repetitions: 1, sweep: {matrix: {workers: [1]}}}",
            "");

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    @Test
    void validSpecsPrintOkWithTheirTrialCount() throws IOException {
        Path ok = write("ok.yaml", VALID);
        CliRun r = CliRun.of("validate", "--verbose", ok.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("OK " + ok + " (6 trials)" + System.lineSeparator(), r.out());
        assertEquals("", r.err());
    }

    @Test
    void profileAndSetApply() throws IOException {
        Path ok = write("ok.yaml", VALID);
        assertTrue(CliRun.of("validate", ok.toString(), "--profile", "smoke").out().contains("(1 trial)"));
        CliRun r = CliRun.of("validate", ok.toString(), "--set", "repetitions=2", "--set", "sweep.matrix.workers=[1,2,3]");
        assertTrue(r.out().contains("(6 trials)"), r.out());
    }

    @Test
    void timeouttExitsTwoWithPositionAndSuggestion() throws IOException {
        Path ok = write("ok.yaml", VALID);
        Path bad = write("bad.yaml", VALID.replace("  repetitions: 3", "  timeoutt: 30m"));
        CliRun r = CliRun.of("validate", ok.toString(), bad.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.out().contains("OK " + ok), r.out());
        assertTrue(r.err().contains(bad + ":9:3: spec.timeoutt: unknown field; did you mean 'timeout'?"), r.err());
        assertTrue(r.err().endsWith("1 of 2 specs are invalid" + System.lineSeparator()), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void specValuesEchoedInErrorsHaveTheirControlCharactersEscaped() throws IOException {
        Path bad = write("bad.yaml", VALID.replace("kind: PyTorchJob", "kind: \"Py\\e]0;pwned\\a\\e[2JJob\\nx\""));
        for (CliRun r : List.of(CliRun.of("validate", bad.toString()),
                CliRun.of("run", bad.toString(), "--local", "--results-dir", dir.resolve("results").toString()))) {
            assertEquals(2, r.exitCode(), r.err());
            assertEquals(-1, r.err().indexOf('\u001b'), r.err());
            assertEquals(-1, r.err().indexOf('\u0007'), r.err());
            assertTrue(r.err().contains("Py\\e]0;pwned\\x07\\e[2JJob\\nx"), r.err());
        }
    }

    @Test
    void usageErrorsEchoArgumentsEscaped() throws IOException {
        Path ok = write("ok.yaml", VALID);
        CliRun r = CliRun.of("validate", ok.toString(), "--bogus\u001b]0;pwned\u0007");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(-1, r.err().indexOf('\u001b'), r.err());
        assertTrue(r.err().contains("--bogus\\e]0;pwned\\x07"), r.err());
    }

    @Test
    void everyProblemIsListed() throws IOException {
        Path bad = write("bad.yaml", VALID.replace("Master: 1", "Master: 2").replace("kind: PyTorchJob",
                "kind: PyTorchJob, imagePullPolicy: Always"));
        CliRun r = CliRun.of("validate", bad.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("spec.job.imagePullPolicy: unknown field"), r.err());
        assertTrue(r.err().contains("spec.job.replicas.Master: PyTorchJob needs exactly 1 Master replica, got 2"), r.err());
    }

    @Test
    void theSpecFromTheIssueFailsAsRequired() {
        Path fixture = Path.of(System.getProperty("kubebench.root"),
                "workload-catalog/src/test/resources/specs/invalid/unknown-field-timeoutt.yaml");
        CliRun r = CliRun.of("validate", fixture.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("unknown-field-timeoutt.yaml:12:3: spec.timeoutt: unknown field; did you mean"
                + " 'timeout'?"), r.err());
    }

    @Test
    void hostileAndMissingFilesAreCleanErrors() throws IOException {
        Path bomb = write("bomb.yaml", "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n");
        CliRun r = CliRun.of("validate", bomb.toString(), dir.resolve("missing.yaml").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("alias bomb"), r.err());
        assertTrue(r.err().contains("missing.yaml: no such file"), r.err());
    }

    @Test
    void aSpecIsRequired() {
        CliRun r = CliRun.of("validate");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("Missing required parameter"), r.err());
    }
}
