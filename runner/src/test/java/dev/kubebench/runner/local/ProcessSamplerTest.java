package dev.kubebench.runner.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.core.metric.MetricNames;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The /proc sampler against real child processes: one that burns CPU, one that holds memory. */
class ProcessSamplerTest {
    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stopChildren() {
        ProcessTrees.terminate(children.stream().map(Process::toHandle).toList(), Duration.ofSeconds(1));
    }

    private Process start(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        children.add(p);
        return p;
    }

    private static Map<String, Double> sample(ProcessSampler sampler, int seconds) throws InterruptedException {
        sampler.begin(System.nanoTime());
        for (int i = 0; i < seconds; i++) {
            TimeUnit.SECONDS.sleep(1);
            sampler.sample(System.nanoTime());
        }
        return sampler.metrics();
    }

    @Test
    void aBusyGrandchildCountsForItsReplicaAsTheCpuTimeItUsedOverTheWindow() throws Exception {
        // The replica (sh) only waits; the CPU is its child's, which the tree must include.
        Process replica = start("sh", "-c", "sh -c 'while :; do :; done' & wait");
        ProcessHandle busy = awaitChild(replica);
        long startNanos = System.nanoTime();
        ProcessSampler sampler = ProcessSampler.forHost(List.of(replica.pid()));
        sampler.begin(startNanos);
        Map<String, Double> m;
        for (int i = 0; i < 4; i++) {
            TimeUnit.SECONDS.sleep(1);
            sampler.sample(System.nanoTime());
        }
        m = sampler.metrics();
        // The same figure measured independently: the CPU time the kernel reports for the busy process (the
        // sampler, too, counts it since the process started, a moment before the window) over the window.
        double independent = 100.0 * busy.info().totalCpuDuration().orElseThrow().toNanos()
                / (System.nanoTime() - startNanos);
        double cpu = m.get(MetricNames.CPU_UTIL_MEAN_PCT);
        // On an idle machine a busy loop keeps a core busy; on a loaded one (2 cores, several builds) it may get far
        // less, so the figure is checked against the kernel's own account of the same process, not a fixed floor.
        assertTrue(cpu >= 50 || independent < 50, "a busy loop keeps a core busy: " + cpu + " % (independent "
                + independent + " %)");
        assertTrue(independent > 1, "the busy loop got some CPU: " + independent);
        assertTrue(Math.abs(cpu - independent) < 1 + 0.25 * independent,
                "sampled " + cpu + " % vs the kernel's " + independent + " %");
        assertTrue(cpu < 110, "one busy thread is at most one core: " + cpu);
        assertEquals(4, sampler.samples());
    }

    @Test
    void aChildHolding200MibHasThatRssPeakAndAlmostNoCpu() throws Exception {
        Process p = start("python3", "-c", "import time\nb = bytes(range(256)) * (200 * 4096)\n"
                + "print('ready', flush=True)\ntime.sleep(60)");
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("ready", out.readLine());
        Map<String, Double> m = sample(ProcessSampler.forHost(List.of(p.pid())), 2);
        double rss = m.get(MetricNames.RSS_PEAK_MIB);
        assertTrue(rss >= 190 && rss < 400, "rss_peak_mib " + rss);
        assertTrue(m.get(MetricNames.CPU_UTIL_MEAN_PCT) < 100, "mostly asleep, allocation aside: " + m);
    }

    @Test
    void treesThatAreGoneGiveNoMetrics() throws Exception {
        Process p = start("true");
        p.waitFor();
        ProcessSampler sampler = ProcessSampler.forHost(List.of(p.pid()));
        sampler.begin(System.nanoTime());
        sampler.sample(System.nanoTime());
        assertEquals(Map.of(), sampler.metrics());
    }

    @Test
    void parsesACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (my (odd) cmd) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 1 0 12345 "
                + "1000000 5000 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";
        ProcStat p = ProcStat.parse(4242, stat);
        assertEquals(1, p.ppid());
        assertEquals(4242, p.session());
        assertEquals(300, p.cpuTicks());
        assertEquals(12345, p.startTicks());
        assertEquals(5000, p.rssPages());
    }

    private static ProcessHandle awaitChild(Process parent) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            var child = parent.toHandle().children().findFirst();
            if (child.isPresent()) {
                return child.get();
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError("the busy child did not start");
    }
}
