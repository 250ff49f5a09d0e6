package dev.kubebench.runner.kubernetes;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.nio.ByteBuffer;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers the {@code Retry-After} header of the client's last 429/503 answer for {@link ApiRetry}: the header is
 * not part of the exception fabric8 throws, and API Priority and Fairness answers with plain text and the header
 * only. The hint is shared by the client's requests; a busy server slows all of them alike.
 */
final class RetryAfterHints implements Interceptor {
    /** How long a hint stays relevant after its answer arrived. */
    private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final AtomicLong retryAfterMillis = new AtomicLong();
    private final AtomicLong seenAtNanos = new AtomicLong();

    @Override
    public void after(HttpRequest request, HttpResponse<?> response, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
        if (response.code() != 429 && response.code() != 503) {
            return;
        }
        long millis = parse(response.header("Retry-After"));
        if (millis > 0) {
            retryAfterMillis.set(millis);
            seenAtNanos.set(System.nanoTime());
        }
    }

    /** The last hint when it arrived in the last few seconds, else 0. */
    long recentMillis() {
        long at = seenAtNanos.get();
        return at != 0 && System.nanoTime() - at < FRESH_NANOS ? retryAfterMillis.get() : 0;
    }

    /** Seconds, or an HTTP date; 0 when absent or unreadable. */
    static long parse(String header) {
        if (header == null || header.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, TimeUnit.SECONDS.toMillis(Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            try {
                return Math.max(0, ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant().toEpochMilli() - System.currentTimeMillis());
            } catch (DateTimeParseException e2) {
                return 0;
            }
        }
    }
}
