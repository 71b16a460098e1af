package vn.egov.reporting.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.egov.common.DomainException;

class FormulaTest {

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    private static BigDecimal constant(String text) {
        return Formula.parse(text).evaluate(Map.of());
    }

    private static DomainException refused(String text) {
        DomainException refused = assertThrows(DomainException.class, () -> Formula.parse(text));
        assertEquals("reporting.formula.invalid", refused.code());
        assertEquals(DomainException.Kind.INVALID, refused.kind());
        return refused;
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '=',
            value = {
                "2+3*4 = 14",
                "(2+3)*4 = 20",
                "-2*3 = -6",
                "10/4 = 2.5",
                "10 - 4 - 3 = 3",
                "24 / 4 / 2 = 3",
                "2 - -3 = 5",
                "-(2 + 3) = -5",
                "--4 = 4",
                "0.5 * 4 = 2",
                "100 = 100",
                "1/3 = 0.3333333333333333",
                " ( ( 1 ) ) = 1"
            })
    void arithmeticFollowsTheUsualPrecedence(String text, String expected) {
        assertEquals(n(expected), constant(text));
    }

    @Test
    void disbursementRateIsComputedFromTheIndicatorsItNames() {
        Formula rate = Formula.parse("100 * DISBURSED / PLANNED");
        assertEquals(n("62.5"), rate.evaluate(Map.of("DISBURSED", n("125"), "PLANNED", n("200"))));
    }

    @Test
    void retailPerHeadAddsBothRetailIndicatorsBeforeDividing() {
        Formula perHead = Formula.parse("(RETAIL_GOODS + RETAIL_SERVICES) / POPULATION");
        assertEquals(
                n("3"),
                perHead.evaluate(
                        Map.of("RETAIL_GOODS", n("2000"), "RETAIL_SERVICES", n("1000"), "POPULATION", n("1000"))));
        assertEquals("(RETAIL_GOODS + RETAIL_SERVICES) / POPULATION", perHead.text());
    }

    @Test
    void inputsAreTheIndicatorCodesInOrderOfFirstAppearance() {
        Formula formula = Formula.parse("B2 * (A_1 + B2) / C - A_1");
        assertEquals(List.of("B2", "A_1", "C"), List.copyOf(formula.inputs()));
        assertTrue(Formula.parse("2 * 3").inputs().isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> formula.inputs().add("D"));
    }

    @Test
    void aMissingInputLeavesTheIndicatorWithoutAFigure() {
        Formula rate = Formula.parse("100 * DISBURSED / PLANNED");
        assertNull(rate.evaluate(Map.of("PLANNED", n("200"))));
        Map<String, BigDecimal> withNull = new HashMap<>();
        withNull.put("DISBURSED", null);
        withNull.put("PLANNED", n("200"));
        assertNull(rate.evaluate(withNull));
        assertNull(Formula.parse("0 * MISSING").evaluate(Map.of()), "needed even when multiplied by zero");
    }

    @Test
    void divisionByZeroLeavesTheIndicatorWithoutAFigure() {
        Formula rate = Formula.parse("100 * DISBURSED / PLANNED");
        assertNull(rate.evaluate(Map.of("DISBURSED", n("125"), "PLANNED", n("0.00"))));
        assertNull(constant("1 / (2 - 2)"));
        assertNull(constant("(1 / 0) * 0"));
    }

    @Test
    void emptyTextIsRefused() {
        refused("");
        refused("   ");
        refused(null);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "100 * disbursed | position 7",
                "A % B           | position 3",
                "A ^ 2           | position 3",
                "1,5             | position 2",
                "A = B           | position 3",
                ".5              | position 1",
                "5.              | position 2",
                "Tổng            | position 2"
            })
    void unknownCharactersAreRefusedWithTheirPosition(String text, String position) {
        assertTrue(refused(text).getMessage().contains(position), refused(text).getMessage());
    }

    @Test
    void unbalancedParenthesesAreRefused() {
        assertTrue(refused("(1 + 2").getMessage().contains("'(' at position 1 is not closed"));
        assertTrue(refused("1 + 2)").getMessage().contains("')' at position 6 has no matching '('"));
        refused("((A)");
        refused("()");
        refused(")(");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 2", "A B", "2X", "(A)(B)", "A + 1 2"})
    void tokensAfterACompleteFormulaAreRefused(String text) {
        assertTrue(refused(text).getMessage().contains("after a complete formula"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+", "1 +", "* 2", "A * / B", "-", "1 + ()"})
    void anOperatorWithoutOperandIsRefused(String text) {
        refused(text);
    }

    @Test
    void textOverFiveHundredCharactersIsRefused() {
        String longest = "1" + " + 1".repeat(124) + "   ";
        assertEquals(500, longest.length());
        assertEquals(n("125"), constant(longest));
        assertTrue(refused(longest + " ").getMessage().contains("501 characters"));
    }

    @Test
    void nestingOverFiftyLevelsIsRefused() {
        assertEquals(n("1"), constant("(".repeat(50) + "1" + ")".repeat(50)));
        assertTrue(refused("(".repeat(51) + "1" + ")".repeat(51)).getMessage().contains("nesting deeper than 50"));
        assertEquals(n("1"), constant("-".repeat(50) + "1"));
        refused("-".repeat(51) + "1");
    }

    @Test
    void formulasWithTheSameTextAreEqual() {
        assertEquals(Formula.parse("A / B"), Formula.parse("A / B"));
        assertEquals(Formula.parse("A / B").hashCode(), Formula.parse("A / B").hashCode());
    }
}
