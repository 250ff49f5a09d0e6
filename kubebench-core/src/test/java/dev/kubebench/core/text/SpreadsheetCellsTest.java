package dev.kubebench.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpreadsheetCellsTest {
    @Test
    void formulaStartsAreNeutralizedAndQuotedNumbersStayNumbers() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", SpreadsheetCells.csvField("=HYPERLINK(\"http://x\")"));
        assertEquals("\"'@SUM(A1)\"", SpreadsheetCells.csvField("@SUM(A1)"));
        assertEquals("\"'\tx\"", SpreadsheetCells.csvField("\tx"));
        assertEquals("-1.5", SpreadsheetCells.csvField("-1.5"));
        assertEquals("1.0E-5", SpreadsheetCells.csvField("1.0E-5"));
        assertEquals("\"a,b\"", SpreadsheetCells.csvField("a,b"));
        assertEquals("gpu-node-1", SpreadsheetCells.csvField("gpu-node-1"));
        assertEquals("", SpreadsheetCells.csvField(null));
        assertTrue(SpreadsheetCells.isFormula("+cmd|' /C calc'!A0"));
        assertFalse(SpreadsheetCells.isFormula("+3"));
        assertEquals("'-x", SpreadsheetCells.neutralize("-x"));
    }
}
