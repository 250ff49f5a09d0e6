package dev.kubebench.runner.local;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code nvidia-smi} in its own loop mode ({@code -lms}) for the trial's duration and keeps every sample it
 * prints. One process and one reader thread per trial; {@link #stop} ends both.
 */
final class GpuSampler {
    private static final Duration EXIT_WAIT = Duration.ofSeconds(2);

    private final Process process;
    private final Thread reader;
    private final List<GpuSample> samples = new ArrayList<>();
    private int unreadable;

    private GpuSampler(Process process, Clock clock, String name) {
        this.process = process;
        this.reader = new Thread(() -> read(clock), "nvidia-smi-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code program} (the nvidia-smi found on PATH) sampling every {@code interval}. */
    static GpuSampler start(String program, Duration interval, Clock clock, String name) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(program);
        command.addAll(NvidiaSmi.arguments(interval));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return new GpuSampler(builder.start(), clock, name);
    }

    private void read(Clock clock) {
        ZoneId zone = ZoneId.systemDefault();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                var sample = NvidiaSmi.parse(line, zone, clock.millis());
                synchronized (this) {
                    if (sample.isPresent()) {
                        samples.add(sample.get());
                    } else {
                        unreadable++;
                    }
                }
            }
        } catch (IOException closed) {
            // The process was stopped: what was read is what there is.
        }
    }

    /**
     * Ends nvidia-smi and anything it started (SIGTERM, SIGKILL when it lingers), then waits for the reader, which
     * ends when the pipe closes; idempotent.
     */
    void stop() throws InterruptedException {
        ProcessTrees.terminate(List.of(process.toHandle()), EXIT_WAIT);
        reader.join(EXIT_WAIT.toMillis());
    }

    synchronized List<GpuSample> samples() {
        return List.copyOf(samples);
    }

    /** Lines that were not samples (nvidia-smi's own errors); a trial with none but these has no GPU metrics. */
    synchronized int unreadable() {
        return unreadable;
    }

    Process process() {
        return process;
    }

    Thread reader() {
        return reader;
    }
}
