package dev.kubebench.runner.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineOutputTest {

    @Test
    void copiesBytesAndSplitsLinesAcrossWrites() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        List<String> lines = new ArrayList<>();
        LineOutput out = new LineOutput(file, lines::add);
        out.write(":::MLLOG {\"key\": \"run_st".getBytes(StandardCharsets.UTF_8));
        out.write("art\"}\r\nepoch 1\nparti".getBytes(StandardCharsets.UTF_8));
        out.marker("container pytorch restarted (restart 1)");
        out.write("after\n".getBytes(StandardCharsets.UTF_8));
        out.close();
        assertEquals(List.of(":::MLLOG {\"key\": \"run_start\"}", "epoch 1", "parti", "after"), lines);
        assertEquals(":::MLLOG {\"key\": \"run_start\"}\r\nepoch 1\nparti\n"
                + "==== kubebench: container pytorch restarted (restart 1) ====\nafter\n",
                file.toString(StandardCharsets.UTF_8));
    }
}
