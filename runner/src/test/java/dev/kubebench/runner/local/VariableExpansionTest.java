package dev.kubebench.runner.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VariableExpansionTest {
    private static final Map<String, String> VARS = Map.of("VAR_A", "A", "VAR_B", "B", "EMPTY", "");

    /** Cases follow Kubernetes' third_party/forked/golang/expansion semantics. */
    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "$(VAR_A)|A",
        "___$(VAR_B)___|___B___",
        "$(VAR_A)-$(VAR_A)|A-A",
        "$(VAR_A)$(VAR_B)|AB",
        "$$(VAR_B)|$(VAR_B)",
        "$$$(VAR_B)|$B",
        "$$$$(VAR_A)|$$(VAR_A)",
        "$(UNKNOWN)|$(UNKNOWN)",
        "x$(UNKNOWN)y$(VAR_A)|x$(UNKNOWN)yA",
        "$(VAR_A|$(VAR_A",
        "$(VAR_A$(VAR_B)|$(VAR_A$(VAR_B)",
        "$VAR_A|$VAR_A",
        "$|$",
        "a$|a$",
        "$$|$",
        "foo$$bar|foo$bar",
        "$()|$()",
        "$(VAR_A)$|A$",
        "pre$(EMPTY)post|prepost",
        "no variables|no variables",
    })
    void expandsLikeTheKubelet(String input, String expected) {
        assertEquals(expected, VariableExpansion.expand(input, VARS));
    }

    @Test
    void anEmptyStringStaysEmpty() {
        assertEquals("", VariableExpansion.expand("", VARS));
    }

    @Test
    void expandsEveryArgument() {
        assertEquals(List.of("--addr=A:B", "$(X)"), VariableExpansion.expand(List.of("--addr=$(VAR_A):$(VAR_B)", "$(X)"),
                VARS));
    }

    @Test
    void envValuesSeeOnlyEarlierVariables() {
        Map<String, String> declared = new LinkedHashMap<>();
        declared.put("LATER_REF", "$(PORT)");
        declared.put("HOST", "127.0.0.1");
        declared.put("PORT", "23456");
        declared.put("ADDR", "$(HOST):$(PORT)");
        declared.put("HOST2", "$$(HOST)");
        Map<String, String> resolved = VariableExpansion.resolveEnv(declared);
        assertEquals("$(PORT)", resolved.get("LATER_REF"));
        assertEquals("127.0.0.1:23456", resolved.get("ADDR"));
        assertEquals("$(HOST)", resolved.get("HOST2"));
    }

    @Test
    void aLaterDuplicateWins() {
        Map<String, String> declared = new LinkedHashMap<>();
        declared.put("A", "1");
        declared.put("B", "$(A)");
        Map<String, String> resolved = VariableExpansion.resolveEnv(declared);
        assertEquals("1", resolved.get("B"));
    }
}
