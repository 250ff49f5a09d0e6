package dev.kubebench.collector.mlperf;

import java.util.Comparator;

/**
 * A stable order of run log names that a person expects: runs of digits compare as numbers of any length
 * ({@code result_2.txt} before {@code result_10.txt}, {@code result_5016-2405..._26.txt} by each number in turn),
 * everything else character by character; names equal that way are ordered by their characters.
 */
final class RunOrder {
    /** The natural order of names. */
    static final Comparator<String> NATURAL = RunOrder::compare;

    private RunOrder() {
    }

    private static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int ea = digitsEnd(a, i);
                int eb = digitsEnd(b, j);
                int c = compareNumbers(a.substring(i, ea), b.substring(j, eb));
                if (c != 0) {
                    return c;
                }
                i = ea;
                j = eb;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsEnd(String s, int from) {
        int e = from;
        while (e < s.length() && isDigit(s.charAt(e))) {
            e++;
        }
        return e;
    }

    /** Decimal digit strings by value, without a length limit. */
    private static int compareNumbers(String x, String y) {
        String a = stripZeros(x);
        String b = stripZeros(y);
        int c = Integer.compare(a.length(), b.length());
        return c != 0 ? c : a.compareTo(b);
    }

    private static String stripZeros(String s) {
        int k = 0;
        while (k < s.length() - 1 && s.charAt(k) == '0') {
            k++;
        }
        return s.substring(k);
    }
}
