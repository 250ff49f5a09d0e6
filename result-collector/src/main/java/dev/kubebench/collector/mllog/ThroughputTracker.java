package dev.kubebench.collector.mllog;

import dev.kubebench.collector.latency.LatencyRecorder;
import dev.kubebench.collector.latency.LatencySummary;
import dev.kubebench.collector.result.ThroughputPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * How fast one run trained, from whichever evidence its log has, best first: {@code tracked_stats} throughputs, then
 * {@code block_start}/{@code block_stop} intervals with their sample counts, then epochs of {@code train_samples}
 * samples each. Step times come from {@code step_time_ms} or else the intervals between those same events. Each kind
 * of point is capped at {@link MllogAccumulator#MAX_POINTS}. Times are epoch milliseconds. An impossible step time (a
 * negative or non-finite interval, one over {@link LatencyRecorder#MAX_MS}) is counted, not recorded, and a block or
 * epoch with such a duration gives no throughput point.
 */
final class ThroughputTracker {
    static final String TRACKED_STATS = "tracked_stats";
    static final String BLOCKS = "blocks";
    static final String EPOCHS = "epochs";

    /** One {@code tracked_stats} event: its time and the throughput it logged, samples/s. */
    private record TrackedStat(double timeMs, double samplesPerSecond) {
    }

    /** One block, {@code block_start} to {@code block_stop}, and the samples trained in it (NaN when unknown). */
    private record Block(double startMs, double stopMs, double samples) {
        double durationMs() {
            return stopMs - startMs;
        }

        boolean measured() {
            return !Double.isNaN(samples) && durationMs() > 0;
        }
    }

    /** One epoch, {@code epoch_start} to {@code epoch_stop}. */
    private record Epoch(double startMs, double stopMs) {
        double durationMs() {
            return stopMs - startMs;
        }
    }

    /**
     * The run's throughput.
     *
     * @param series           per tracked_stats event / block / epoch, elapsed ms since the origin and samples/s
     * @param samplesPerSecond overall, or NaN
     * @param source           {@link #TRACKED_STATS}, {@link #BLOCKS}, {@link #EPOCHS}, or null
     */
    record Throughput(List<ThroughputPoint> series, double samplesPerSecond, String source) {
    }

    /**
     * The step-time distribution and where it came from; {@code summary} is null when no sample was possible,
     * {@code source} when none was logged. {@code rejected}: that source's impossible samples.
     */
    record StepTimes(LatencySummary summary, String source, long rejected) {
    }

    private final List<TrackedStat> tracked = new ArrayList<>();
    private final List<Block> blocks = new ArrayList<>();
    private final List<Epoch> epochs = new ArrayList<>();
    private double trainSamples = Double.NaN;
    private double blockStartMs = Double.NaN;
    private double blockStartSamples = Double.NaN;
    private double blockEpochs = Double.NaN;
    private double epochStartMs = Double.NaN;
    private double lastTrackedMs = Double.NaN;
    private long dropped;
    private long outOfOrder;
    private long impossibleRates;

    private final LatencyRecorder loggedSteps = new LatencyRecorder();
    private final LatencyRecorder trackedSteps = new LatencyRecorder();
    private final LatencyRecorder blockSteps = new LatencyRecorder();
    private final LatencyRecorder epochSteps = new LatencyRecorder();

    /** {@code train_samples}: the samples in one epoch. */
    void trainSamples(double samples) {
        trainSamples = samples;
    }

    /** {@code step_time_ms}: one step's time as logged. */
    void stepTime(double ms) {
        loggedSteps.recordMs(ms);
    }

    void trackedStats(MllogEvent e, double timeMs) {
        double samplesPerSecond = e.valueField("throughput");
        if (samplesPerSecond >= 0 && Double.isFinite(samplesPerSecond)) {
            add(tracked, new TrackedStat(timeMs, samplesPerSecond));
        } else if (!Double.isNaN(samplesPerSecond)) {
            impossibleRates++;
        }
        if (!Double.isNaN(lastTrackedMs)) {
            if (timeMs < lastTrackedMs) {
                outOfOrder++;
            }
            trackedSteps.recordMs(timeMs - lastTrackedMs);
        }
        lastTrackedMs = timeMs;
    }

    void blockStart(MllogEvent e, double timeMs) {
        blockStartMs = timeMs;
        blockStartSamples = e.metadataNumber("samples_count");
        blockEpochs = e.metadataNumber("epoch_count");
    }

    void blockStop(MllogEvent e, double timeMs) {
        if (Double.isNaN(blockStartMs)) {
            return;
        }
        Block block = new Block(blockStartMs, timeMs, blockSamples(e.metadataNumber("samples_count")));
        if (blockSteps.recordMs(block.durationMs())) {
            add(blocks, block);
        }
        blockStartMs = Double.NaN;
    }

    /** The samples in the block now stopping: the samples_count difference, or else its epochs' samples. */
    private double blockSamples(double stopSamples) {
        if (!Double.isNaN(stopSamples) && !Double.isNaN(blockStartSamples) && stopSamples > blockStartSamples) {
            return stopSamples - blockStartSamples;
        }
        if (!Double.isNaN(blockEpochs) && !Double.isNaN(trainSamples)) {
            return blockEpochs * trainSamples;
        }
        return Double.NaN;
    }

    void epochStart(double timeMs) {
        epochStartMs = timeMs;
    }

    void epochStop(double timeMs) {
        if (!Double.isNaN(epochStartMs)) {
            Epoch epoch = new Epoch(epochStartMs, timeMs);
            if (epochSteps.recordMs(epoch.durationMs())) {
                add(epochs, epoch);
            }
        }
        epochStartMs = Double.NaN;
    }

    private <T> void add(List<T> list, T point) {
        if (list.size() < MllogAccumulator.MAX_POINTS) {
            list.add(point);
        } else {
            dropped++;
        }
    }

    /** Points beyond {@link MllogAccumulator#MAX_POINTS} not kept. */
    long dropped() {
        return dropped;
    }

    /** {@code tracked_stats} events logged earlier than the one before them (several ranks in one log). */
    long outOfOrder() {
        return outOfOrder;
    }

    /** {@code tracked_stats} throughputs ignored because they were negative or infinite. */
    long impossibleRates() {
        return impossibleRates;
    }

    /** The throughput from the best evidence logged; series times are elapsed since {@code originMs}. */
    Throughput throughput(double originMs) {
        if (!tracked.isEmpty()) {
            return fromTrackedStats(originMs);
        }
        if (blocks.stream().anyMatch(Block::measured)) {
            return fromBlocks(originMs);
        }
        if (!epochs.isEmpty() && !Double.isNaN(trainSamples)) {
            return fromEpochs(originMs);
        }
        return new Throughput(List.of(), Double.NaN, null);
    }

    private Throughput fromTrackedStats(double originMs) {
        List<ThroughputPoint> series = new ArrayList<>();
        double sum = 0;
        for (TrackedStat s : tracked) {
            series.add(new ThroughputPoint(elapsed(s.timeMs(), originMs), s.samplesPerSecond()));
            sum += s.samplesPerSecond();
        }
        return new Throughput(series, sum / tracked.size(), TRACKED_STATS);
    }

    private Throughput fromBlocks(double originMs) {
        List<ThroughputPoint> series = new ArrayList<>();
        double samples = 0;
        double ms = 0;
        for (Block b : blocks) {
            if (b.measured()) {
                double samplesPerSecond = b.samples() / (b.durationMs() / 1000.0);
                series.add(new ThroughputPoint(elapsed(b.stopMs(), originMs), samplesPerSecond));
                samples += b.samples();
                ms += b.durationMs();
            }
        }
        return new Throughput(series, samples / (ms / 1000.0), BLOCKS);
    }

    private Throughput fromEpochs(double originMs) {
        List<ThroughputPoint> series = new ArrayList<>();
        double ms = 0;
        for (Epoch ep : epochs) {
            if (ep.durationMs() > 0) {
                double samplesPerSecond = trainSamples / (ep.durationMs() / 1000.0);
                series.add(new ThroughputPoint(elapsed(ep.stopMs(), originMs), samplesPerSecond));
                ms += ep.durationMs();
            }
        }
        if (ms > 0) {
            return new Throughput(series, series.size() * trainSamples / (ms / 1000.0), EPOCHS);
        }
        return new Throughput(series, Double.NaN, null);
    }

    /** Step times from the best source that has any: step_time_ms, then tracked_stats, block and epoch intervals. */
    StepTimes stepTimes() {
        if (logged(loggedSteps)) {
            return new StepTimes(loggedSteps.summary(), MllogAccumulator.STEP_TIME_KEY, loggedSteps.rejected());
        }
        if (logged(trackedSteps)) {
            return new StepTimes(trackedSteps.summary(), TRACKED_STATS, trackedSteps.rejected());
        }
        if (logged(blockSteps)) {
            return new StepTimes(blockSteps.summary(), BLOCKS, blockSteps.rejected());
        }
        if (logged(epochSteps)) {
            return new StepTimes(epochSteps.summary(), EPOCHS, epochSteps.rejected());
        }
        return new StepTimes(null, null, 0);
    }

    /** A source was logged when it has samples, possible or not. */
    private static boolean logged(LatencyRecorder r) {
        return r.count() + r.rejected() > 0;
    }

    /** {@code timeMs} less the origin, or NaN when there is no origin. */
    static double elapsed(double timeMs, double originMs) {
        return Double.isNaN(originMs) ? Double.NaN : timeMs - originMs;
    }
}
