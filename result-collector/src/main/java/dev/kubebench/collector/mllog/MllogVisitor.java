package dev.kubebench.collector.mllog;

/**
 * Receives the events of an MLLOG stream as the parser decodes them. The parser asks {@link #wants(String)} before
 * decoding a line's JSON, so lines with keys nobody needs cost only a scan for their key.
 */
public interface MllogVisitor {

    /** True when events with this key should be decoded and passed to {@link #event(MllogEvent)}. */
    boolean wants(String key);

    /** One decoded event, in file order. */
    void event(MllogEvent event);
}
