package dev.kubebench.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns Ctrl-C or SIGTERM into exit code 130, at any moment of the process. {@link Main} installs one shutdown hook
 * before anything else ({@link #installHook()}) and ends the JVM through {@link #exit(int)}, so the hook can tell a
 * signal from a normal exit. A command that must clean up first (a run) opens a guard: on a signal the hook calls the
 * guard's cancel action, waits until the command has written every result, summary and report and closed the guard,
 * and only then halts the JVM with 130. Without an open guard the hook halts with 130 at once.
 */
final class InterruptGuard implements AutoCloseable {
    private static final AtomicReference<InterruptGuard> OPEN = new AtomicReference<>();
    private static volatile boolean exiting;
    private static volatile boolean signalled;

    private final CountDownLatch written = new CountDownLatch(1);
    private final Duration maxWait;
    private volatile Runnable cancel = () -> { };

    private InterruptGuard(Duration maxWait) {
        this.maxWait = maxWait;
    }

    /** Installs the process's interrupt hook; call first thing in {@code main}. */
    static void installHook() {
        Runtime.getRuntime().addShutdownHook(new Thread(InterruptGuard::onShutdown, "kubebench-interrupt"));
    }

    /** Ends the JVM with {@code code}: a normal exit, which the hook leaves alone. */
    static void exit(int code) {
        exiting = true;
        System.exit(code);
    }

    /**
     * Opens the guard of a command that cleans up on a signal; a signal now waits (at most {@code maxWait}) for
     * {@link #close()}.
     */
    static InterruptGuard open(Duration maxWait) {
        InterruptGuard guard = new InterruptGuard(maxWait);
        OPEN.set(guard);
        return guard;
    }

    /** Installs the action that stops the command's work on a signal; runs it now if a signal already came. */
    void onInterrupt(Runnable action) {
        cancel = action;
        if (signalled) {
            action.run();
        }
    }

    /** True once Ctrl-C or SIGTERM started the JVM's shutdown. */
    boolean interrupted() {
        return signalled;
    }

    private static void onShutdown() {
        if (exiting) {
            return;
        }
        signalled = true;
        InterruptGuard guard = OPEN.get();
        if (guard != null) {
            guard.cancel.run();
            try {
                guard.written.await(guard.maxWait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // System.exit would block inside a shutdown hook; halt ends the JVM with the documented code.
        Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
    }

    /** Everything is written: after a signal the hook may now end the JVM. */
    @Override
    public void close() {
        OPEN.compareAndSet(this, null);
        written.countDown();
    }
}
