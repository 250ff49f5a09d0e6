package dev.kubebench.catalog.mlperf.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComplianceRulesTest {
    private static final ComplianceRules RULES = ComplianceRules.standard();

    @Test
    void everyRoundLoadsWithItsSourceAndItsEntryFiles() {
        for (RuleSet r : RULES.all()) {
            assertTrue(r.source().contains("training_" + r.ruleset() + "/"), r.source());
            for (String f : List.of("common", "closed_common", "open_common")) {
                assertTrue(r.file(f).isPresent(), r.ruleset() + " " + f);
            }
        }
    }

    @Test
    void bertFourZeroRequiresOptLambEpsilonExactlyOnce() {
        KeyRule rule = RULES.find("4.0").orElseThrow().file("closed_bert").orElseThrow().rules().stream()
                .filter(k -> k.key().equals("opt_lamb_epsilon")).findFirst().orElseThrow();
        assertEquals(Occurrence.Kind.EXACTLY_ONE, rule.occurrence().kind());
    }

    @Test
    void comparisonsKeepTheirSpellingAndCompareNumbersAsDoubles() {
        Comparison c = Comparison.parse("< 1.0");
        assertEquals("< 1.0", c.toString());
        assertTrue(c.test(0.99));
        assertFalse(c.test("0.5"));
        assertTrue(Comparison.parse("== 'adam'").test("adam"));
        assertTrue(Comparison.parse("!= ''").test("x"));
        assertTrue(new Check.PowerOfTwoMultipleOf(0.0001).test(0.0008, Map.of(), 0, null));
        assertFalse(new Check.MultipleOf(1000).test(6500.0, Map.of(), 0, null));
        assertEquals("AT_LEAST_ONE_OR(epoch_start)", Occurrence.parse("AT_LEAST_ONE_OR(epoch_start)").spelled());
    }
}
