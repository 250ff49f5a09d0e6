package dev.kubebench.catalog.load;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" suggestions by Levenshtein distance. */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * The closest candidate to {@code word}, if it is close enough to be a plausible typo: a case-insensitive match,
     * or at most a third of the word's length (at least 2) edits away.
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lw = word.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            int d = distance(lw, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        int limit = Math.max(2, word.length() / 3);
        return best != null && bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /** {@code "; did you mean 'x'?"} or, without a close candidate, {@code " (expected one of: a, b)"}. */
    public static String hint(String word, Collection<String> candidates) {
        Optional<String> c = closest(word, candidates);
        if (c.isPresent()) {
            return "; did you mean '" + c.get() + "'?";
        }
        return candidates.isEmpty() ? "" : " (expected one of: " + String.join(", ", candidates) + ")";
    }

    /** Levenshtein edit distance. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
