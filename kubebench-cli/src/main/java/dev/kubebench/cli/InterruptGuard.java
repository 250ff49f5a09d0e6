package dev.kubebench.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C or SIGTERM during a run into a clean stop. The JVM runs shutdown hooks and then halts with the signal's
 * status, whatever the main thread is doing; so the hook cancels the run, waits until the command has cleaned up and
 * written every result, summary and report ({@link #close()}), and only then ends the JVM with exit code 130.
 */
final class InterruptGuard implements AutoCloseable {
    private final CountDownLatch written = new CountDownLatch(1);
    private final Thread hook;

    /**
     * @param cancel  stops the run (the backend kills or deletes what it started)
     * @param maxWait how long the hook waits for results to be written before ending the JVM anyway
     */
    InterruptGuard(Runnable cancel, Duration maxWait) {
        hook = new Thread(() -> {
            cancel.run();
            try {
                written.await(maxWait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // System.exit would block inside a shutdown hook; halt ends the JVM with the documented code.
            Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
        }, "kubebench-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Everything is written: without a signal the hook is removed; with one, it may now end the JVM. */
    @Override
    public void close() {
        written.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running and ends the JVM with 130 now that results are written
        }
    }
}
