package dev.kubebench.runner.local;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ends whole process trees: SIGTERM to every process of each tree, then SIGKILL to whatever is still alive after a
 * grace period. The trees are snapshotted before the first signal, because a parent that dies first would orphan
 * its children out of {@link ProcessHandle#descendants()}.
 */
final class ProcessTrees {
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private ProcessTrees() {
    }

    /** Terminates the given roots and all their descendants; returns when all are gone or could not be killed. */
    static void terminate(Collection<ProcessHandle> roots, Duration grace) {
        Set<ProcessHandle> all = snapshot(roots);
        all.forEach(ProcessHandle::destroy);
        awaitExit(all, grace);
        all.addAll(snapshot(roots));
        all.removeIf(h -> !h.isAlive());
        all.forEach(ProcessHandle::destroyForcibly);
        awaitExit(all, KILL_WAIT);
    }

    private static Set<ProcessHandle> snapshot(Collection<ProcessHandle> roots) {
        Set<ProcessHandle> all = new LinkedHashSet<>();
        for (ProcessHandle root : roots) {
            if (root.isAlive()) {
                // Descendants first: they are signalled before their parents can exit and orphan them.
                root.descendants().forEach(all::add);
                all.add(root);
            }
        }
        return all;
    }

    private static void awaitExit(Set<ProcessHandle> handles, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        boolean interrupted = false;
        for (ProcessHandle handle : handles) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                break;
            }
            try {
                handle.onExit().get(remaining, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                // Cleanup must finish even when cancelled again; restore the flag afterwards.
                interrupted = true;
            } catch (ExecutionException | TimeoutException e) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
