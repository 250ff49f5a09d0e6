package dev.kubebench.collector.mllog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 item 4: a truncated or corrupt .gz log is bad input named by its file, not an EOFException. */
class CorruptGzipTest {

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static String log() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            sb.append(":::MLLOG {\"time_ms\": ").append(1000 + i).append(", \"key\": \"step_time_ms\", \"value\": ")
                    .append(i % 97).append(", \"metadata\": {}}\n");
        }
        return sb.toString();
    }

    @Test
    void truncatedGzipNamesTheFile(@TempDir Path tmp) throws IOException {
        byte[] whole = gzip(log());
        Path f = tmp.resolve("result_1.txt.gz");
        Files.write(f, Arrays.copyOf(whole, whole.length / 2));
        KubebenchException e = assertThrows(KubebenchException.class,
                () -> MllogAccumulator.parse(f, List.of()));
        assertEquals(Failure.INVALID_INPUT, e.failure());
        assertEquals(List.of(f + ": truncated gzip data (the file ends inside the compressed stream)"),
                e.problems());
    }

    @Test
    void corruptGzipNamesTheFile(@TempDir Path tmp) throws IOException {
        byte[] bytes = gzip(log());
        for (int i = 10; i < 40; i++) {
            bytes[i] = (byte) 0xff;
        }
        Path f = tmp.resolve("result_2.txt.gz");
        Files.write(f, bytes);
        KubebenchException e = assertThrows(KubebenchException.class,
                () -> MllogAccumulator.parse(f, List.of()));
        assertEquals(Failure.INVALID_INPUT, e.failure());
        assertEquals(1, e.problems().size());
        String line = e.problems().get(0);
        assertEquals(f + ": corrupt gzip data", line.substring(0, line.indexOf(" (")), line);
    }
}
