package dev.kubebench.catalog.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.catalog.spec.EnvValue;
import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Hostile input gets one clean error, in bounded time and memory. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class HostileYamlTest {
    @TempDir
    Path dir;

    private String problem(String fileName, byte[] content) throws IOException {
        Path f = dir.resolve(fileName);
        Files.write(f, content);
        KubebenchException e = assertThrows(KubebenchException.class, () -> new SpecLoader().load(f, null, List.of()));
        assertEquals(Failure.INVALID_INPUT, e.failure());
        assertEquals(1, e.problems().size(), e.problems().toString());
        String p = e.problems().get(0);
        assertTrue(p.startsWith(f.toString() + ":"), p);
        assertTrue(!p.contains("\n"), p);
        return p.substring(f.toString().length());
    }

    private String problem(String fileName, String content) throws IOException {
        return problem(fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void billionLaughsIsStoppedBeforeExpanding() throws IOException {
        StringBuilder y = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 12; i++) {
            y.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                y.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            y.append("]\n");
        }
        String p = problem("bomb.yaml", y.toString());
        assertTrue(p.contains("alias bomb"), p);
        assertTrue(p.matches(":[56]:\\d+: .*"), p);
    }

    @Test
    void aFileOverFourMebibytesIsRejectedUnread() throws IOException {
        byte[] big = new byte[YamlTreeReader.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) '#');
        String p = problem("big.yaml", big);
        assertTrue(p.contains("at most 4194304 bytes"), p);
    }

    @Test
    void deepNestingIsCapped() throws IOException {
        String p = problem("deep.yaml", "a: " + "[\n ".repeat(100_000) + "]\n ".repeat(100_000) + "\n");
        assertTrue(p.contains("nesting deeper than 64 levels"), p);
    }

    @Test
    void tooManyValuesAreCapped() throws IOException {
        String p = problem("wide.yaml", "a: [" + "1,\n ".repeat(YamlTreeReader.MAX_NODES + 10) + "1]\n");
        assertTrue(p.contains("more than 100000 values"), p);
    }

    @Test
    void aLineOverSixtyFourKibibytesIsRejectedBeforeTheQuadraticScanner() throws IOException {
        String p = problem("long.yaml", "a: [" + "1,".repeat(YamlTreeReader.MAX_NODES + 10) + "1]\n");
        assertEquals(":1:1: line is 200026 characters long; a spec line may be at most 65536", p);
    }

    @Test
    void duplicateKeysAreErrors() throws IOException {
        String p = problem("dup.yaml", "apiVersion: kubebench.dev/v1alpha1\nkind: Benchmark\nkind: Benchmark\n");
        assertEquals(":3:1: duplicate key 'kind'", p);
    }

    @Test
    void aSecondDocumentIsAnError() throws IOException {
        String p = problem("multi.yaml", "a: 1\n---\nb: 2\n");
        assertTrue(p.startsWith(":3:1: a second YAML document"), p);
    }

    @Test
    void nonUtf8IsAnErrorWithItsPosition() throws IOException {
        byte[] latin1 = "a: 1\nname: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        String p = problem("latin1.yaml", latin1);
        assertEquals(":2:10: the file is not valid UTF-8 (byte 0xE9 at offset 14)", p);
    }

    @Test
    void utf16IsRejected() throws IOException {
        byte[] utf16 = "a: 1\n".getBytes(StandardCharsets.UTF_16);
        assertTrue(problem("utf16.yaml", utf16).contains("UTF-16"));
    }

    @Test
    void syntaxErrorsAreOneLineWithPosition() throws IOException {
        String p = problem("syntax.yaml", "a: [1, 2\nb: 3\n");
        assertTrue(p.matches(":\\d+:\\d+: invalid YAML: .*"), p);
    }

    @Test
    void unknownAliasIsAnError() throws IOException {
        assertTrue(problem("alias.yaml", "a: *nope\n").contains("unknown alias '*nope'"));
    }

    @Test
    void emptyAndScalarDocumentsAreErrors() throws IOException {
        assertTrue(problem("empty.yaml", "").contains("empty"));
        assertTrue(problem("scalar.yaml", "just a string\n").contains("must be a mapping"));
    }

    @Test
    void controlCharactersAreSyntaxErrors() throws IOException {
        String p = problem("nul.yaml", "a: \u0000\n");
        assertTrue(p.contains("invalid YAML"), p);
    }

    @Test
    void missingFileIsOneLine() {
        KubebenchException e = assertThrows(KubebenchException.class,
                () -> new SpecLoader().load(dir.resolve("nope.yaml"), null, List.of()));
        assertTrue(e.problems().get(0).endsWith("nope.yaml: no such file"));
    }

    @Test
    void anchorsAndMergeKeysWorkWithinLimits() throws IOException {
        Path f = dir.resolve("anchors.yaml");
        Files.writeString(f, String.join("\n",
                "apiVersion: kubebench.dev/v1alpha1",
                "kind: Benchmark",
                "metadata: {name: anchors}",
                "spec:",
                "  workload: {name: w}",
                "  job:",
                "    kind: Job",
                "    image: busybox",
                "    env: &env {A: '1', B: '2'}",
                "  local:",
                "    env:",
                "      <<: *env",
                "      B: '3'",
                ""));
        var plan = new SpecLoader().load(f, null, List.of());
        assertEquals(EnvValue.literal("1"), plan.resolved().spec().local().env().get("A"));
        assertEquals(EnvValue.literal("3"), plan.resolved().spec().local().env().get("B"));
    }
}
