package dev.kubebench.report.junit;

/**
 * XML 1.0 escaping for text and attribute values. Characters XML 1.0 cannot carry at all (most C0 controls, lone
 * surrogates, U+FFFE/U+FFFF) become U+FFFD, because log-derived strings may contain them and a JUnit consumer must
 * still parse the file.
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
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                        b.append('\uFFFD');
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
            if (c < 0x20 || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || c >= 0xD800) {
                return false;
            }
        }
        return true;
    }
}
