package dev.kubebench.runner.local;

import dev.kubebench.core.metric.MetricNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CPU and memory of a trial's process trees, sampled from {@code /proc}. A replica's tree is its process, every
 * descendant, and every process in its session (a background child orphaned by its parent still counts, as
 * {@link ProcessTrees} stops it too). Each {@link #sample} adds the CPU time every tree process used since the
 * previous sample (since its start for a process seen the first time) and the trees' summed resident set size.
 *
 * <p>{@code cpu_util_mean_pct} is the CPU time of all trees divided by the wall time sampled, in percent of one
 * core (two replicas each keeping one core busy make 200). {@code rss_peak_mib} is the largest sum of all trees'
 * resident memory at one sample, in MiB. The CPU a process used in its last partial interval before it exited is
 * not seen (at most one interval per process). Not thread-safe: one sampling thread calls it.
 */
final class ProcessSampler {
    private static final double MIB = 1024.0 * 1024.0;

    private final Path proc;
    private final List<Long> roots;
    private final double ticksPerSecond;
    private final long pageBytes;
    /** CPU ticks last seen per process, keyed by pid and start time so a reused pid starts from zero. */
    private Map<List<Long>, Long> lastTicks = new HashMap<>();
    private long cpuTicks;
    private long rssPeakPages;
    private long firstNanos = -1;
    private long lastNanos = -1;
    private int samples;

    /**
     * @param proc           the /proc directory
     * @param roots          the replica processes' pids
     * @param ticksPerSecond the kernel's {@code USER_HZ} ({@code getconf CLK_TCK})
     * @param pageBytes      the page size ({@code getconf PAGESIZE})
     */
    ProcessSampler(Path proc, Collection<Long> roots, double ticksPerSecond, long pageBytes) {
        this.proc = proc;
        this.roots = List.copyOf(roots);
        this.ticksPerSecond = ticksPerSecond;
        this.pageBytes = pageBytes;
    }

    /** A sampler with this host's clock-tick rate and page size. */
    static ProcessSampler forHost(Collection<Long> roots) {
        return new ProcessSampler(Path.of("/proc"), roots, getconf("CLK_TCK", 100), getconf("PAGESIZE", 4096));
    }

    /**
     * Marks the start of the sampled window; CPU used by the trees before it (since their start, a moment earlier)
     * is counted in the first sample.
     */
    void begin(long nanos) {
        firstNanos = nanos;
    }

    /** Reads /proc once and adds the trees' CPU time since the last sample and their resident memory now. */
    void sample(long nanos) {
        Map<Long, ProcStat> all = ProcStat.scan(proc);
        Map<List<Long>, Long> seen = new HashMap<>();
        long rssPages = 0;
        boolean any = false;
        for (ProcStat p : trees(all)) {
            List<Long> key = List.of(p.pid(), p.startTicks());
            cpuTicks += Math.max(0, p.cpuTicks() - lastTicks.getOrDefault(key, 0L));
            seen.put(key, p.cpuTicks());
            rssPages += p.rssPages();
            any = true;
        }
        // A process that vanished keeps its CPU counted; forgetting it lets its pid be reused from zero.
        lastTicks = seen;
        rssPeakPages = Math.max(rssPeakPages, rssPages);
        if (firstNanos < 0) {
            firstNanos = nanos;
        }
        // The window ends at the last sample that found the trees: time after they all exited is not theirs.
        if (any) {
            lastNanos = nanos;
        }
        samples++;
    }

    /** The processes of every replica's tree in this scan. */
    private Collection<ProcStat> trees(Map<Long, ProcStat> all) {
        Set<Long> rootSet = new HashSet<>(roots);
        List<ProcStat> members = new ArrayList<>();
        for (ProcStat p : all.values()) {
            if (rootSet.contains(p.session()) || descendsFromRoot(p, all, rootSet)) {
                members.add(p);
            }
        }
        return members;
    }

    private static boolean descendsFromRoot(ProcStat p, Map<Long, ProcStat> all, Set<Long> roots) {
        ProcStat at = p;
        for (int depth = 0; at != null && depth < 64; depth++) {
            if (roots.contains(at.pid())) {
                return true;
            }
            at = all.get(at.ppid());
        }
        return false;
    }

    int samples() {
        return samples;
    }

    /** {@code cpu_util_mean_pct} and {@code rss_peak_mib}; empty before a sample covered any time. */
    Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        double seconds = (lastNanos - firstNanos) / 1e9;
        if (lastNanos >= 0 && seconds > 0) {
            m.put(MetricNames.CPU_UTIL_MEAN_PCT, 100.0 * cpuTicks / ticksPerSecond / seconds);
        }
        if (lastNanos >= 0) {
            m.put(MetricNames.RSS_PEAK_MIB, rssPeakPages * pageBytes / MIB);
        }
        return m;
    }

    private static long getconf(String name, long fallback) {
        try {
            Process p = new ProcessBuilder("getconf", name).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            return p.waitFor() == 0 ? Long.parseLong(out) : fallback;
        } catch (IOException | NumberFormatException e) {
            return fallback;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback;
        }
    }
}
