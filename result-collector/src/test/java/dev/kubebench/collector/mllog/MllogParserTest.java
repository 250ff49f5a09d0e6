package dev.kubebench.collector.mllog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class MllogParserTest {
    private static final String A = ":::MLLOG {\"namespace\": \"\", \"time_ms\": 1000, \"event_type\": \"INTERVAL_START\", "
            + "\"key\": \"run_start\", \"value\": null, \"metadata\": {\"file\": \"x.py\", \"lineno\": 1}}";
    private static final String B = ":::MLLOG {\"namespace\": \"\", \"time_ms\": 61000, \"event_type\": \"INTERVAL_END\", "
            + "\"key\": \"run_stop\", \"value\": null, \"metadata\": {\"status\": \"success\", \"nested\": {\"a\": 1}}}";

    private static final class Collect implements MllogVisitor {
        final List<MllogEvent> events = new ArrayList<>();

        @Override
        public boolean wants(String key) {
            return !key.equals("weights_initialization");
        }

        @Override
        public void event(MllogEvent event) {
            events.add(event);
        }
    }

    private static Collect parse(byte[] bytes, ParseStats[] stats) throws IOException {
        Collect c = new Collect();
        stats[0] = new MllogParser(256).parse(new ByteArrayInputStream(bytes), c);
        return c;
    }

    @Test
    void allLineEndsAndRankPrefixes() throws IOException {
        String text = "0: " + A + "\r\n" + "noise line\r" + "[0] " + B + "\n" + "\n" + "   \r\n" + "tail";
        ParseStats[] s = new ParseStats[1];
        Collect c = parse(text.getBytes(StandardCharsets.ISO_8859_1), s);
        assertEquals(2, c.events.size());
        assertEquals("run_start", c.events.get(0).key());
        assertEquals(1000.0, c.events.get(0).timeMs());
        assertEquals("success", c.events.get(1).metadataString("status"));
        assertFalse(c.events.get(1).metadata().containsKey("nested"));
        assertEquals(2, s[0].noiseLines());
        assertEquals(6, s[0].lines());
        assertEquals(3, c.events.get(1).lineNumber());
    }

    @Test
    void crLfSplitAcrossReadChunksIsOneLineEnd() throws IOException {
        // 65536 is the read buffer: put the \r as its last byte and the \n first in the next chunk
        StringBuilder sb = new StringBuilder();
        String noise = "x".repeat(65536 - A.length() - 2) + "\n";
        sb.append(noise).append(A).append("\r\n").append(B).append('\n');
        assertEquals('\r', sb.charAt(65535));
        ParseStats[] s = new ParseStats[1];
        Collect c = parse(sb.toString().getBytes(StandardCharsets.ISO_8859_1), s);
        assertEquals(2, c.events.size());
        assertEquals(3, s[0].lines());
        assertEquals(1, s[0].noiseLines());
    }

    @Test
    void gzipIsDetected() throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bo)) {
            gz.write((A + "\n" + B + "\n").getBytes(StandardCharsets.UTF_8));
        }
        ParseStats[] s = new ParseStats[1];
        Collect c = parse(bo.toByteArray(), s);
        assertEquals(2, c.events.size());
        assertTrue(s[0].gzip());
    }

    @Test
    void malformedAndUnwantedLinesAreCountedNotFatal() throws IOException {
        String text = ":::MLLOG {\"key\": \"run_start\", \"time_ms\": \n"
                + ":::MLLOG not json at all\n"
                + ":::MLLOG {\"time_ms\": 5, \"key\": \"weights_initialization\", \"value\": null}\n"
                + B + "\n";
        ParseStats[] s = new ParseStats[1];
        Collect c = parse(text.getBytes(StandardCharsets.UTF_8), s);
        assertEquals(List.of("run_stop"), c.events.stream().map(MllogEvent::key).toList());
        assertEquals(2, s[0].malformedLines());
        assertEquals(3, s[0].events());
        assertEquals(1, s[0].decodedEvents());
    }

    @Test
    void latin1BytesAreDecoded() throws IOException {
        byte[] line = (":::MLLOG {\"time_ms\": 7, \"key\": \"submission_org\", \"value\": \"Caf\u00e9\"}\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        ParseStats[] s = new ParseStats[1];
        Collect c = parse(line, s);
        assertEquals("Caf\u00e9", c.events.get(0).stringValue());
        assertEquals(0, s[0].malformedLines());
    }

    @Test
    void overLongLinesAreTruncatedAndCounted() throws IOException {
        String longNoise = "y".repeat(10_000);
        String text = longNoise + "\n" + A + "\n";
        ParseStats[] s = new ParseStats[1];
        Collect c = parse(text.getBytes(StandardCharsets.UTF_8), s);
        assertEquals(1, c.events.size());
        assertEquals(1, s[0].truncatedLines());
    }

    @Test
    void objectValuesKeepScalarMembers() throws IOException {
        String t = ":::MLLOG {\"time_ms\": 9.5, \"key\": \"tracked_stats\", \"value\": {\"throughput\": 12.5, "
                + "\"tags\": [1, 2]}, \"metadata\": {\"step\": 3}}";
        ParseStats[] s = new ParseStats[1];
        MllogEvent e = parse(t.getBytes(StandardCharsets.UTF_8), s).events.get(0);
        assertEquals(12.5, e.valueField("throughput"));
        assertEquals(Map.of("throughput", 12.5), e.value());
        assertEquals(3.0, e.metadataNumber("step"));
        assertEquals(9.5, e.timeMs());
    }

    @Test
    void fastPathDecodesExactlyAsJacksonOnTheRealLogs() throws IOException {
        Path logs = Path.of(System.getProperty("kubebench.shared"), "mlperf-logs");
        List<Path> files;
        try (Stream<Path> s = Files.walk(logs)) {
            files = s.filter(p -> p.getFileName().toString().startsWith("result_")).sorted().toList();
        }
        assertEquals(30, files.size());
        String odd = ":::MLLOG {\"key\": \"eval_accuracy\", \"time_ms\": \"12\", \"value\": 1e-3, "
                + "\"metadata\": {\"metric\": \"FID\", \"epoch_num\": -0.5E+2, \"x\": [1]}}\n"
                + ":::MLLOG {\"key\": \"run_stop\", \"time_ms\": 5, \"value\": {\"a\": {\"b\": 1}, \"c\": 2}}\n"
                + ":::MLLOG {\"key\": \"run_stop\", \"time_ms\": 1234567890123456789, \"value\": \"a\\\"b\"} tail\n"
                + ":::MLLOG {\"key\": \"run_start\", \"time_ms\": 01}\n";
        Path extra = Files.createTempFile("mllog", ".txt");
        Files.writeString(extra, odd);
        List<Path> all = new ArrayList<>(files);
        all.add(extra);
        for (Path f : all) {
            Collect fast = new Collect();
            Collect jackson = new Collect();
            ParseStats a = new MllogParser(MllogParser.DEFAULT_MAX_LINE_BYTES, true).parse(f, fast);
            ParseStats b = new MllogParser(MllogParser.DEFAULT_MAX_LINE_BYTES, false).parse(f, jackson);
            assertEquals(b, a, f.toString());
            assertEquals(jackson.events, fast.events, f.toString());
        }
        Files.delete(extra);
    }

    @Test
    void bothPathsKeepValueObjectMembersInDocumentOrder() throws IOException {
        byte[] line = ":::MLLOG {\"key\": \"tracked_stats\", \"value\": {\"z\": 1, \"a\": 2, \"m\": 3}}\n"
                .getBytes(StandardCharsets.UTF_8);
        for (boolean fastPath : new boolean[] {true, false}) {
            Collect c = new Collect();
            new MllogParser(MllogParser.DEFAULT_MAX_LINE_BYTES, fastPath).parse(new ByteArrayInputStream(line), c);
            Map<?, ?> value = (Map<?, ?>) c.events.get(0).value();
            assertEquals(List.of("z", "a", "m"), new ArrayList<>(value.keySet()), "fastPath=" + fastPath);
        }
    }

    @Test
    void emptyInput() throws IOException {
        ParseStats s = new MllogParser().parse(InputStream.nullInputStream(), new Collect());
        assertEquals(0, s.lines());
    }
}
