package dev.kubebench.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kubebench.core.text.TextTable.Align;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void leftColumnsArePaddedButLinesHaveNoTrailingBlanks() {
        String text = TextTable.left(3).header("ID", "NAME", "NOTE").row("a", "longer name", "").row("bb", "x", "n")
                .render();
        assertEquals("ID  NAME         NOTE\n"
                + "a   longer name\n"
                + "bb  x            n\n", text);
    }

    @Test
    void rightAlignedColumnsIndentAndGap() {
        List<String> lines = TextTable.of(Align.RIGHT, Align.LEFT, Align.RIGHT).indent(2).gap(1)
                .header("gpus", "", "samples/s").row("1", "measured", "1000.0").row("128", "projected!", "5.5")
                .lines();
        assertEquals(List.of(
                "  gpus            samples/s",
                "     1 measured      1000.0",
                "   128 projected!       5.5"), lines);
    }

    @Test
    void wrongCellCountsAndLateHeadersAreRejected() {
        TextTable t = TextTable.left(2).row("a", "b");
        assertThrows(IllegalArgumentException.class, () -> t.row("a"));
        assertThrows(IllegalStateException.class, () -> t.header("x", "y"));
        assertThrows(IllegalArgumentException.class, () -> TextTable.of());
    }

    @Test
    void nullCellsAreEmpty() {
        assertEquals("a\n", TextTable.left(2).row("a", null).render());
    }

    @Test
    void controlCharactersInCellsAreEscapedSoTheTableStaysOneLinePerRow() {
        List<String> lines = TextTable.left(2).header("point", "status").row("lr=0.1\nfake row", "\u001b[31mred")
                .lines();
        assertEquals(List.of(
                "point             status",
                "lr=0.1\\nfake row  \\e[31mred"), lines);
    }
}
