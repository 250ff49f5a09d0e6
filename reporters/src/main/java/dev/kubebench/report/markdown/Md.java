package dev.kubebench.report.markdown;

import dev.kubebench.core.text.Printable;

/**
 * Escaping for text inside a GitHub-flavoured Markdown table cell: control characters are written as the terminal
 * escapes of {@link Printable} ({@code \e}, {@code \n}), so a cell stays one line; Markdown punctuation is
 * backslash-escaped; HTML characters become entities (PR comments render inline HTML); and an {@code @mention}
 * ({@code @user}, {@code @org/team}) is put in a code span, where GitHub neither links nor notifies it.
 */
final class Md {
    private static final String PUNCTUATION = "\\`*_[]{}()#+!|~";

    private Md() {
    }

    static String cell(String s) {
        if (s == null) {
            return "";
        }
        s = Printable.escape(s);
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int mention = c == '@' ? mentionEnd(s, i) : -1;
            if (mention > 0) {
                b.append('`').append(s, i, mention).append('`');
                i = mention - 1;
            } else if (c == '<') {
                b.append("&lt;");
            } else if (c == '>') {
                b.append("&gt;");
            } else if (c == '&') {
                b.append("&amp;");
            } else {
                if (PUNCTUATION.indexOf(c) >= 0) {
                    b.append('\\');
                }
                b.append(c);
            }
        }
        return b.toString();
    }

    /** {@link #cell} after cutting to {@code max} characters (with an ellipsis). */
    static String cell(String s, int max) {
        if (s != null && s.length() > max) {
            s = s.substring(0, max) + "…";
        }
        return cell(s);
    }

    /**
     * The end of the mention that starts at {@code at} (an {@code @}), or -1 when there is none: as on GitHub, the
     * {@code @} does not follow a letter, digit or underscore (so {@code a@b.example} is no mention), and a user or
     * organisation name (letters, digits, hyphens) follows, optionally {@code /team}.
     */
    private static int mentionEnd(String s, int at) {
        if (at > 0 && isWord(s.charAt(at - 1))) {
            return -1;
        }
        int end = name(s, at + 1, false);
        if (end == at + 1) {
            return -1;
        }
        if (end < s.length() && s.charAt(end) == '/') {
            int team = name(s, end + 1, true);
            if (team > end + 1) {
                end = team;
            }
        }
        return end;
    }

    private static int name(String s, int from, boolean team) {
        int i = from;
        while (i < s.length() && (isAsciiLetterOrDigit(s.charAt(i)) || s.charAt(i) == '-'
                || (team && s.charAt(i) == '_'))) {
            i++;
        }
        return i > from && isAsciiLetterOrDigit(s.charAt(from)) ? i : from;
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
