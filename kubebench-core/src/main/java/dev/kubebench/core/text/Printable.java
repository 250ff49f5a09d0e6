package dev.kubebench.core.text;

/**
 * Text from a spec or a workload made safe to print on a terminal: every character that a terminal would act on
 * instead of showing is written as a visible escape, so a log line cannot move the cursor, change colours, set the
 * window title, ring the bell or break a line of a table. The escapes (docs/reports.md, "Untrusted text"):
 * <ul>
 *   <li>ESC as {@code \e}, newline as {@code \n}, carriage return as {@code \r}, tab as {@code \t};</li>
 *   <li>the other C0 controls (U+0000–U+001F, including BEL) and DEL (U+007F) as {@code \xNN};</li>
 *   <li>the C1 controls (U+0080–U+009F, CSI U+009B among them), the bidirectional embeddings, overrides and isolates
 *       (U+202A–U+202E, U+2066–U+2069) and marks (U+200E, U+200F, U+061C), and the line and paragraph separators
 *       (U+2028, U+2029) as {@code \}{@code uNNNN}, so that text cannot reorder what a reader sees ("Trojan
 *       Source").</li>
 * </ul>
 * A backslash itself is left alone: the escapes are for reading, not for reading back.
 */
public final class Printable {
    private Printable() {
    }

    /** {@code text} with every control character escaped; null stays null; the same instance if nothing changes. */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isUnsafe(c)) {
                appendEscape(b, c);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** True when {@code c} is a character {@link #escape} rewrites. */
    public static boolean isUnsafe(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || isBidiControl(c) || c == '\u2028' || c == '\u2029';
    }

    /**
     * The escape of one {@link #isUnsafe unsafe} character: {@code \e}, {@code \n}, {@code \x07},
     * {@code \}{@code u202e}...
     */
    public static String escape(char c) {
        StringBuilder b = new StringBuilder(6);
        appendEscape(b, c);
        return b.toString();
    }

    private static void appendEscape(StringBuilder b, char c) {
        switch (c) {
            case 0x1B:
                b.append("\\e");
                break;
            case '\n':
                b.append("\\n");
                break;
            case '\r':
                b.append("\\r");
                break;
            case '\t':
                b.append("\\t");
                break;
            default:
                if (c < 0x80) {
                    b.append("\\x").append(hex(c, 2));
                } else {
                    b.append("\\u").append(hex(c, 4));
                }
        }
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isUnsafe(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
                || c == '\u061C';
    }

    private static String hex(char c, int digits) {
        String h = Integer.toHexString(c);
        return "0".repeat(digits - h.length()) + h;
    }
}
