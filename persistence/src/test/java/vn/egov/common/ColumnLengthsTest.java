package vn.egov.common;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.persistence.Column;
import org.junit.jupiter.api.Test;
import vn.egov.reporting.domain.model.Aggregation;
import vn.egov.reporting.domain.model.Indicator;
import vn.egov.reporting.domain.model.ValueType;

class ColumnLengthsTest {

    static class Webhook {
        @Column(name = "url")
        String url;

        @Column(name = "note", length = 10)
        String note;
    }

    @Test
    void anIndicatorNameLongerThanItsColumnIsRefusedNamingTheField() {
        Indicator indicator = new Indicator(
                "RETAIL_TOTAL",
                "x".repeat(301),
                "Retail",
                "bn VND",
                ValueType.values()[0],
                Aggregation.values()[0],
                null);
        DomainException refusal = assertThrows(DomainException.class, () -> new ColumnLengths().check(indicator));
        assertEquals(ColumnLengths.CODE, refusal.code());
        assertEquals("name", refusal.arguments().get("field"));
        assertEquals(300, refusal.arguments().get("max"));
    }

    @Test
    void textThatFitsPasses() {
        Indicator indicator = new Indicator(
                "RETAIL_TOTAL",
                "Tổng mức bán lẻ".repeat(20),
                "Retail",
                "bn VND",
                ValueType.values()[0],
                Aggregation.values()[0],
                null);
        assertDoesNotThrow(() -> new ColumnLengths().check(indicator));
    }

    @Test
    void columnsWithTheDefaultLengthAreLeftToTheDatabase() {
        Webhook webhook = new Webhook();
        webhook.url = "https://example.vn/" + "a".repeat(400);
        assertDoesNotThrow(() -> new ColumnLengths().check(webhook));
        webhook.note = "eleven char";
        assertEquals(
                "note",
                assertThrows(DomainException.class, () -> new ColumnLengths().check(webhook))
                        .arguments()
                        .get("field"));
    }
}
