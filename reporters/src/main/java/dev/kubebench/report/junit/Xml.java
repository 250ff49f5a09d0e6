package dev.kubebench.report.junit;

import dev.kubebench.core.text.Printable;

/**
 * XML 1.0 escaping for text and attribute values. Control characters other than tab, newline and carriage return
 * (which XML carries) are written as the terminal escapes of {@link Printable} ({@code \e}, {@code \x07},
 * {@code \}{@code u009b}), so a CI page that shows the text cannot be driven by them and a JUnit consumer can still
 * parse the file; what XML 1.0 cannot carry at all and has no escape (lone surrogates, U+FFFE/U+FFFF) becomes U+FFFD.
 */
final class Xml {
    private Xml() {
    }

    static String text(String s) {
        return escape(s, false);
    }

    static String attr(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean attribute) {
        if (s == null) {
            return "";
        }
        if (isPlain(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&':
                    b.append("&amp;");
                    break;
                case '<':
                    b.append("&lt;");
                    break;
                case '>':
                    b.append("&gt;");
                    break;
                case '"':
                    b.append(attribute ? "&quot;" : "\"");
                    break;
                case '\'':
                    b.append(attribute ? "&apos;" : "'");
                    break;
                case '\n':
                    b.append(attribute ? "&#10;" : "\n");
                    break;
                case '\r':
                    b.append("&#13;");
                    break;
                case '\t':
                    b.append(attribute ? "&#9;" : "\t");
                    break;
                default:
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                        b.append('\uFFFD');
                    } else if (Printable.isUnsafe(c)) {
                        b.append(Printable.escape(c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.toString();
    }

    /** True when no character needs escaping or replacing (the common case: names, numbers). */
    private static boolean isPlain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || c >= 0x7F) {
                return false;
            }
        }
        return true;
    }
}
