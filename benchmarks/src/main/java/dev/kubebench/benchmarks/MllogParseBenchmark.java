package dev.kubebench.benchmarks;

import dev.kubebench.collector.mllog.MllogAccumulator;
import dev.kubebench.collector.mllog.MllogParser;
import dev.kubebench.collector.mllog.MllogRun;
import dev.kubebench.collector.mllog.ParseStats;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * MLLOG parsing throughput on one core. Each invocation parses {@value #MIB} MiB of MLLOG-heavy text generated in
 * {@link #setup()} ({@link MllogSamples}); with {@code @OperationsPerInvocation(64)} the reported ops/s are MiB/s.
 * {@code fastPath} compares the flat-event decoder ({@code true}, what production uses) with Jackson for every
 * event ({@code false}).
 *
 * <pre>
 * mvn -q -o -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar MllogParseBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MllogParseBenchmark {
    static final int MIB = 64;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Whether the parser tries its flat-event fast path before Jackson. */
    @Param({"true", "false"})
    public boolean fastPath;

    private byte[] log;

    @Setup
    public void setup() {
        log = new MllogSamples(42).generate(MIB << 20);
        log = java.util.Arrays.copyOf(log, MIB << 20);
    }

    /**
     * CPU time of the benchmark thread and bytes parsed, summed per iteration: on a shared, overloaded machine the
     * wall-clock score understates the parser, and {@code bytes / cpuNanos} is the single-core rate
     * (MB per CPU-second = 1000 x bytes / cpuNanos).
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuCounters {
        public long cpuNanos;
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            cpuNanos = 0;
            bytes = 0;
        }
    }

    /** Scan + decode the events the run summary needs + accumulate (what {@code kubebench collect} does). */
    @Benchmark
    @OperationsPerInvocation(MIB)
    public MllogRun parseAndAccumulate(CpuCounters cpu) throws IOException {
        long c0 = THREADS.getCurrentThreadCpuTime();
        MllogAccumulator acc = new MllogAccumulator();
        ParseStats stats = new MllogParser(MllogParser.DEFAULT_MAX_LINE_BYTES, fastPath)
                .parse(new ByteArrayInputStream(log), acc);
        MllogRun run = acc.finish(List.of(), stats);
        cpu.cpuNanos += THREADS.getCurrentThreadCpuTime() - c0;
        cpu.bytes += stats.bytes();
        return run;
    }
}
