package dev.kubebench.cli;

import dev.kubebench.catalog.spec.Benchmark;
import dev.kubebench.catalog.spec.JobKind;
import dev.kubebench.runner.ProgressListener;
import dev.kubebench.runner.RunExecutor;
import dev.kubebench.runner.TestSpecs;
import dev.kubebench.runner.local.LocalBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for {@code kubebench run}, run in a child JVM by {@link RunExecutorSignalTest}: runs two long local
 * trials under an {@link InterruptGuard} that cancels the executor, as {@link RunCommand} does, prints {@code ready}
 * once a replica logs, and records each completion as a file.
 */
public final class SigtermMain {
    private SigtermMain() {
    }

    public static void main(String[] args) {
        InterruptGuard.installHook();
        Path runDir = Path.of(args[0]);
        Benchmark sleeper = TestSpecs.benchmark("sig", TestSpecs.job(JobKind.JOB, Map.of("Worker", 2),
                List.of("sh", "-c", "sleep 300 & echo $! > child-$JOB_COMPLETION_INDEX.pid; echo up; wait")),
                Duration.ofMinutes(5), null);
        ProgressListener ready = new ProgressListener() {
            @Override
            public void logLine(String replica, String line) {
                System.out.println("ready");
                System.out.flush();
            }
        };
        try (LocalBackend backend = new LocalBackend(System.getenv(), Duration.ofSeconds(2))) {
            RunExecutor executor = new RunExecutor(backend, "run-sig",
                    t -> runDir.resolve("trials").resolve(Integer.toString(t.index())), t -> ready,
                    (trial, outcome, dir) -> {
                        try {
                            Files.writeString(dir.resolve("completed"), outcome.state().name());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }, Clock.systemUTC(), false);
            try (InterruptGuard guard = InterruptGuard.open(Duration.ofSeconds(30))) {
                guard.onInterrupt(executor::cancel);
                executor.run(TestSpecs.plan(List.of(sleeper, sleeper)));
            }
        }
    }
}
