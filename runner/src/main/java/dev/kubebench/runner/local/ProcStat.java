package dev.kubebench.runner.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One process as {@code /proc/<pid>/stat} describes it, and one pass over all of {@code /proc} (the local
 * telemetry's only source: a single directory scan per sample finds the trees and reads their counters).
 *
 * @param pid         the process id
 * @param ppid        its parent's id
 * @param session     its session id (replicas are session leaders, so this names the replica)
 * @param cpuTicks    user + system CPU time so far, in clock ticks ({@code utime + stime})
 * @param startTicks  when it started, in clock ticks since boot (tells a reused pid from the process before it)
 * @param rssPages    resident set size, in pages
 */
record ProcStat(long pid, long ppid, long session, long cpuTicks, long startTicks, long rssPages) {

    /** Parses a stat line; the command name in parentheses may itself hold spaces and parentheses. */
    static ProcStat parse(long pid, String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // f[0] is field 3 (state): ppid 4, session 6, utime 14, stime 15, starttime 22, rss 24
        return new ProcStat(pid, Long.parseLong(f[1]), Long.parseLong(f[3]),
                Long.parseLong(f[11]) + Long.parseLong(f[12]), Long.parseLong(f[19]), Long.parseLong(f[21]));
    }

    /** Every process under {@code proc} by pid; processes that end while we read are skipped. Empty without /proc. */
    static Map<Long, ProcStat> scan(Path proc) {
        Map<Long, ProcStat> all = new HashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc, "[0-9]*")) {
            for (Path dir : dirs) {
                try {
                    long pid = Long.parseLong(dir.getFileName().toString());
                    all.put(pid, parse(pid, Files.readString(dir.resolve("stat"))));
                } catch (IOException | RuntimeException vanished) {
                    // The process ended while we looked: it no longer counts.
                }
            }
        } catch (IOException noProc) {
            // Not Linux: no process telemetry.
        }
        return all;
    }
}
