package dev.kubebench.collector.latency;

import java.nio.ByteBuffer;
import java.util.Base64;
import org.HdrHistogram.Histogram;

/**
 * Records latencies into an HdrHistogram (microsecond resolution, 3 significant digits, auto-resizing) and
 * summarises them as percentiles in milliseconds. Memory is bounded by the value range, not the value count.
 * Negative and non-finite values are ignored (counted in {@link #rejected()}).
 */
public final class LatencyRecorder {
    private static final int SIGNIFICANT_DIGITS = 3;

    private final Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
    private long rejected;

    /** Records one latency in milliseconds. */
    public void recordMs(double ms) {
        if (!Double.isFinite(ms) || ms < 0) {
            rejected++;
            return;
        }
        histogram.recordValue(Math.round(ms * 1000.0));
    }

    /** Values recorded. */
    public long count() {
        return histogram.getTotalCount();
    }

    /** Values ignored because they were negative or not finite. */
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
