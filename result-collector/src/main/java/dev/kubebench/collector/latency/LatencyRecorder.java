package dev.kubebench.collector.latency;

import java.nio.ByteBuffer;
import java.util.Base64;
import org.HdrHistogram.Histogram;

/**
 * Records latencies into an HdrHistogram (microsecond resolution, 3 significant digits, auto-resizing) and
 * summarises them as percentiles in milliseconds. Memory is bounded by the value range, not the value count.
 * Impossible values are ignored and counted in {@link #rejected()}: negative, not finite, or above {@link #MAX_MS}
 * (a corrupt time stamp, not a latency; it would otherwise saturate the histogram at 9.2e15 ms).
 */
public final class LatencyRecorder {
    private static final int SIGNIFICANT_DIGITS = 3;

    /** The longest latency that can be real: 30 days (2 592 000 000 ms), longer than any trial may run. */
    public static final double MAX_MS = 30.0 * 24 * 3600 * 1000;

    private final Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
    private long rejected;

    /** Records one latency in milliseconds; false when it was impossible and ignored (counted as rejected). */
    public boolean recordMs(double ms) {
        if (!(ms >= 0 && ms <= MAX_MS)) {
            rejected++;
            return false;
        }
        histogram.recordValue(Math.round(ms * 1000.0));
        return true;
    }

    /** Values recorded. */
    public long count() {
        return histogram.getTotalCount();
    }

    /** Values ignored because they were negative, not finite or above {@link #MAX_MS}. */
    public long rejected() {
        return rejected;
    }

    /** The summary, or null when nothing was recorded. */
    public LatencySummary summary() {
        if (histogram.getTotalCount() == 0) {
            return null;
        }
        return new LatencySummary(histogram.getTotalCount(), histogram.getMean() / 1000.0,
                ms(histogram.getValueAtPercentile(50.0)), ms(histogram.getValueAtPercentile(90.0)),
                ms(histogram.getValueAtPercentile(99.0)), ms(histogram.getValueAtPercentile(99.9)),
                ms(histogram.getMaxValue()), encode());
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    private String encode() {
        ByteBuffer buf = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int len = histogram.encodeIntoCompressedByteBuffer(buf);
        byte[] bytes = new byte[len];
        buf.flip();
        buf.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Decodes a histogram written by {@link LatencySummary#encodedHistogram()} and summarises it again. */
    public static LatencySummary decode(String base64) {
        try {
            Histogram h = Histogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
            LatencyRecorder r = new LatencyRecorder();
            r.histogram.add(h);
            return r.summary();
        } catch (java.util.zip.DataFormatException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an encoded HdrHistogram: " + e.getMessage(), e);
        }
    }
}
