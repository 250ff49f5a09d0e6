package dev.kubebench.report.markdown;

/**
 * Escaping for text inside a GitHub-flavoured Markdown table cell: Markdown punctuation is backslash-escaped, HTML
 * characters become entities (PR comments render inline HTML), and newlines collapse to spaces so a cell stays one
 * line.
 */
final class Md {
    private static final String PUNCTUATION = "\\`*_[]{}()#+!|~";

    private Md() {
    }

    static String cell(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<') {
                b.append("&lt;");
            } else if (c == '>') {
                b.append("&gt;");
            } else if (c == '&') {
                b.append("&amp;");
            } else if (c == '\n' || c == '\r' || c == '\t') {
                b.append(' ');
            } else if (c < 0x20) {
                b.append('\uFFFD');
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
}
