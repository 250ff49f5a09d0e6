package dev.kubebench.collector.mllog;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The byte scans that let {@link MllogParser} skip most of a log without decoding it: line ends, the
 * {@code :::MLLOG } token and an event's {@code "key"}. Line ends and colons are found eight bytes at a time (SWAR:
 * a byte equal to the wanted one becomes zero after an XOR, and {@code (x - 0x01..) & ~x & 0x80..} flags the first
 * zero byte).
 */
final class MllogScan {
    /** The length of {@code ":::MLLOG "}, the token before an event's JSON. */
    static final int TOKEN_LENGTH = 9;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LFS = 0x0A0A0A0A0A0A0A0AL;
    private static final long CRS = 0x0D0D0D0D0D0D0D0DL;
    private static final long COLONS = 0x3A3A3A3A3A3A3A3AL;
    private static final int KEY_NAME_LENGTH = 5;

    private MllogScan() {
    }

    /** Index of the first {@code \n} or {@code \r} in {@code [from, to)}, or -1; eight bytes at a time. */
    static int indexOfLineEnd(byte[] a, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long w = (long) LONGS.get(a, i);
            long x = w ^ LFS;
            long y = w ^ CRS;
            long h = ((x - ONES) & ~x | (y - ONES) & ~y) & HIGHS;
            if (h != 0) {
                return i + (Long.numberOfTrailingZeros(h) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (a[i] == '\n' || a[i] == '\r') {
                return i;
            }
        }
        return -1;
    }

    /** True when {@code [off, end)} holds nothing but spaces and tabs. */
    static boolean isBlank(byte[] a, int off, int end) {
        for (int i = off; i < end; i++) {
            if (a[i] != ' ' && a[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Index of the first {@code :::MLLOG } in {@code [off, end)}, or -1. */
    static int indexOfToken(byte[] a, int off, int end) {
        int last = end - TOKEN_LENGTH;
        int i = off;
        while (i <= last) {
            if (isToken(a, i)) {
                return i;
            }
            // skip ahead to the next ':' eight bytes at a time
            i++;
            for (; i + 8 <= last; i += 8) {
                long w = (long) LONGS.get(a, i) ^ COLONS;
                long h = (w - ONES) & ~w & HIGHS;
                if (h != 0) {
                    i += Long.numberOfTrailingZeros(h) >>> 3;
                    break;
                }
            }
            while (i <= last && a[i] != ':') {
                i++;
            }
        }
        return -1;
    }

    private static boolean isToken(byte[] a, int i) {
        return a[i] == ':' && a[i + 1] == ':' && a[i + 2] == ':' && a[i + 3] == 'M' && a[i + 4] == 'L'
                && a[i + 5] == 'L' && a[i + 6] == 'O' && a[i + 7] == 'G' && a[i + 8] == ' ';
    }

    /** The top-level {@code "key": "..."} value found by a byte scan, or null when there is none. */
    static String findKey(byte[] a, int off, int end) {
        int last = end - KEY_NAME_LENGTH;
        for (int i = off; i <= last; i++) {
            if (a[i + 1] == 'k' && a[i] == '"' && a[i + 2] == 'e' && a[i + 3] == 'y' && a[i + 4] == '"') {
                int j = skipBlanks(a, i + KEY_NAME_LENGTH, end);
                if (j >= end || a[j] != ':') {
                    continue;
                }
                return keyString(a, skipBlanks(a, j + 1, end), end);
            }
        }
        return null;
    }

    /** The string starting at {@code a[j]}, or null when there is none, it is not closed or it has escapes. */
    private static String keyString(byte[] a, int j, int end) {
        if (j >= end || a[j] != '"') {
            return null;
        }
        int s = ++j;
        while (j < end && a[j] != '"') {
            if (a[j] == '\\') {
                return null;
            }
            j++;
        }
        return j < end ? new String(a, s, j - s, StandardCharsets.ISO_8859_1) : null;
    }

    private static int skipBlanks(byte[] a, int j, int end) {
        while (j < end && (a[j] == ' ' || a[j] == '\t')) {
            j++;
        }
        return j;
    }
}
