package dev.kubebench.collector.mllog;

/**
 * What a parse saw. Counts, all non-negative.
 *
 * @param bytes           bytes read after decompression
 * @param lines           lines seen (a final line without line end counts)
 * @param events          lines holding an {@code :::MLLOG} event with a readable key
 * @param decodedEvents   events decoded and handed to the visitor
 * @param noiseLines      non-blank lines without the {@code :::MLLOG} token
 * @param malformedLines  lines with the token whose JSON could not be read
 * @param truncatedLines  lines longer than the line cap; their tail was dropped
 * @param gzip            true when the input was gzip-compressed
 */
public record ParseStats(long bytes, long lines, long events, long decodedEvents, long noiseLines,
                         long malformedLines, long truncatedLines, boolean gzip) {

    /** Stats for no input. */
    public static final ParseStats EMPTY = new ParseStats(0, 0, 0, 0, 0, 0, 0, false);

    /** Sums two parses (several log files of one trial). */
    public ParseStats plus(ParseStats o) {
        return new ParseStats(bytes + o.bytes, lines + o.lines, events + o.events, decodedEvents + o.decodedEvents,
                noiseLines + o.noiseLines, malformedLines + o.malformedLines, truncatedLines + o.truncatedLines,
                gzip || o.gzip);
    }
}
