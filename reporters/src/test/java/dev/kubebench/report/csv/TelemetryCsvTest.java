package dev.kubebench.report.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kubebench.report.GpuUtilPoint;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelemetryCsvTest {
    private static final String HEADER = "timestamp_ms,node,pod,gpu,gpu_util_pct,gpu_mem_used_mib,gpu_power_w\n";

    @Test
    void readsUtilizationSkippingUnknownAndUnreadableCells() throws IOException {
        List<GpuUtilPoint> points = TelemetryCsv.gpuUtil(new StringReader(HEADER
                + "1000,node-a,pod-0,0,87.5,30512,251.2\n"
                + "1000,node-a,pod-0,1,,1024,\n"
                + "2000,node-a,pod-0,0,n/a,30512,251.2\n"
                + "2000,node-a,pod-0,1,12,1024,99\n"));
        assertEquals(List.of(new GpuUtilPoint(1000, "0", 87.5), new GpuUtilPoint(2000, "1", 12)), points);
    }

    @Test
    void gpusOfSeveralNodesAreNamedWithTheirNode() throws IOException {
        List<GpuUtilPoint> points = TelemetryCsv.gpuUtil(new StringReader(HEADER
                + "1000,node-a,p,0,10,,\n1000,node-b,q,0,20,,\n"));
        assertEquals(List.of(new GpuUtilPoint(1000, "node-a/0", 10), new GpuUtilPoint(1000, "node-b/0", 20)), points);
    }

    @Test
    void anAbsentFileOrOneWithoutTheColumnsHasNoPoints(@TempDir Path dir) throws IOException {
        assertEquals(List.of(), TelemetryCsv.gpuUtil(dir.resolve(TelemetryCsv.NAME)));
        Path other = Files.writeString(dir.resolve(TelemetryCsv.NAME), "time,value\n1,2\n");
        assertEquals(List.of(), TelemetryCsv.gpuUtil(other));
        Files.writeString(other, HEADER + "1000,n,p,0,5,\"unterminated\n");
        assertEquals(List.of(), TelemetryCsv.gpuUtil(other), "a malformed file is no chart, not an error");
    }
}
