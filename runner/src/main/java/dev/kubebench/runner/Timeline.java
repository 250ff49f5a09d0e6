package dev.kubebench.runner;

import dev.kubebench.core.secret.Redactor;
import dev.kubebench.core.timeline.EventKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A trial's timeline, appended to {@code events.jsonl}: one JSON object per line with {@code time} (ISO-8601 UTC),
 * {@code event} ({@link EventKind#jsonName()}) and optional {@code pod}, {@code replica} and {@code detail}.
 * Thread-safe; each line is appended whole, with its newline, in one write ({@link LineAppender}), so an interrupted
 * run keeps its events and a reader never sees half an event.
 */
public final class Timeline implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LineAppender out;
    private final Clock clock;
    private final Redactor redactor;

    private Timeline(LineAppender out, Clock clock, Redactor redactor) {
        this.out = out;
        this.clock = clock;
        this.redactor = redactor;
    }

    /** Opens (appending) {@code events.jsonl} in the trial directory. */
    public static Timeline open(Path trialDir, Clock clock) {
        return open(trialDir, clock, Redactor.NONE);
    }

    /** Opens (appending) {@code events.jsonl} in the trial directory; each detail passes through the redactor. */
    public static Timeline open(Path trialDir, Clock clock, Redactor redactor) {
        try {
            Files.createDirectories(trialDir);
            return new Timeline(LineAppender.append(trialDir.resolve("events.jsonl")), clock, redactor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records an event now. */
    public void record(EventKind event, String pod, String detail) {
        record(clock.instant(), event, pod, detail);
    }

    /** Records an event at a given time (e.g. a pod condition's transition time). */
    public synchronized void record(Instant time, EventKind event, String pod, String detail) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", time.toString());
        line.put("event", event.jsonName());
        if (pod != null) {
            line.put("pod", pod);
        }
        if (detail != null) {
            line.put("detail", redactor.redact(detail));
        }
        try {
            out.add(JSON.writeValueAsString(line));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
