package dev.kubebench.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class PrintableTest {
    @Test
    void terminalControlsBecomeVisibleEscapes() {
        assertEquals("\\e[2J\\e]0;pwned\\x07 done", Printable.escape("\u001b[2J\u001b]0;pwned\u0007 done"));
        assertEquals("line 1\\nline 2\\r\\tx", Printable.escape("line 1\nline 2\r\tx"));
        assertEquals("nul \\x00 del \\x7f", Printable.escape("nul \u0000 del \u007f"));
    }

    @Test
    void c1ControlsBidiOverridesAndLineSeparatorsAreEscaped() {
        assertEquals("csi \\u009b31m nel \\u0085", Printable.escape("csi \u009b31m nel \u0085"));
        assertEquals("admin\\u202e\\u2066 rtl \\u200f", Printable.escape("admin\u202e\u2066 rtl \u200f"));
        assertEquals("a\\u2028b\\u2029c", Printable.escape("a\u2028b\u2029c"));
    }

    @Test
    void printableTextIsUnchangedAndTheSameInstance() {
        String text = "trial 3 failed: OOMKilled (exit 137) — ±5% ∞ 日本語 \\e stays a backslash";
        assertSame(text, Printable.escape(text));
        assertNull(Printable.escape(null));
    }
}
