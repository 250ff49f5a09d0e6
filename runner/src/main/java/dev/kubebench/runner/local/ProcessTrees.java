package dev.kubebench.runner.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ends whole process trees: SIGTERM to every process of each tree, then SIGKILL to whatever is still alive after a
 * grace period. The trees are snapshotted before the first signal, because a parent that dies first would orphan
 * its children out of {@link ProcessHandle#descendants()}. Processes already orphaned (a replica that exited and
 * left a background child) are found through their session: replicas start as session leaders ({@code setsid}),
 * so every process whose session id is a replica's pid belongs to that replica, as every process of a container
 * belongs to it.
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
        Set<Long> sessions = new HashSet<>();
        for (ProcessHandle root : roots) {
            sessions.add(root.pid());
            if (root.isAlive()) {
                // Descendants first: they are signalled before their parents can exit and orphan them.
                root.descendants().forEach(all::add);
                all.add(root);
            }
        }
        long self = ProcessHandle.current().pid();
        for (long pid : inSessions(sessions)) {
            if (pid != self) {
                ProcessHandle.of(pid).ifPresent(all::add);
            }
        }
        return all;
    }

    /**
     * Pids of the processes whose session id is one of {@code sessions}, from {@code /proc/<pid>/stat} (field 6);
     * empty where there is no /proc. A replica started without setsid shares kubebench's session, whose id is not a
     * replica pid, so nothing of kubebench's own session can match.
     */
    static List<Long> inSessions(Set<Long> sessions) {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path entry : proc) {
                try {
                    String stat = Files.readString(entry.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // After "pid (comm) ": state ppid pgrp session ...
                    if (fields.length > 3 && sessions.contains(Long.parseLong(fields[3]))) {
                        pids.add(Long.parseLong(entry.getFileName().toString()));
                    }
                } catch (IOException | RuntimeException vanished) {
                    // The process ended while we looked, or its stat is unreadable: nothing to stop.
                }
            }
        } catch (IOException noProc) {
            // No /proc (not Linux): the descendant snapshot is all we have.
        }
        return pids;
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
