package vn.egov.exchange.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.egov.exchange.domain.model.BusinessType;
import vn.egov.exchange.domain.model.ExchangeDocument;
import vn.egov.exchange.domain.model.Urgency;

class HeaderFormatsTest {

    private static ExchangeDocument.Header header(String documentId, String number, String notation, LocalDate due) {
        return new ExchangeDocument.Header(
                documentId,
                number,
                notation,
                1,
                "Công văn",
                "V/v thử",
                null,
                null,
                LocalDate.of(2026, 11, 20),
                null,
                null,
                null,
                due,
                Urgency.NORMAL,
                null,
                BusinessType.NEW,
                null,
                null);
    }

    @Test
    void aHeaderInTheAxissFormatsHasNoWarning() {
        assertEquals(
                List.of(),
                HeaderFormats.warnings(
                        header("000.00.00.H41,2026/11/20,7/QĐ-UBND", "7", "QĐ-UBND", LocalDate.of(2026, 11, 30)),
                        "000.00.00.H41"));
    }

    @Test
    void aUuidDocumentIdALongNumberAndAFreeTextNotationAreEachNamed() {
        assertEquals(
                List.of(
                        HeaderFormats.DOCUMENT_ID_NONSTANDARD,
                        HeaderFormats.CODE_NUMBER_NONSTANDARD,
                        HeaderFormats.NOTATION_FREE_TEXT,
                        HeaderFormats.DUE_BEFORE_ISSUE),
                HeaderFormats.warnings(
                        header(
                                "dc0bdef0-c7a3-4aaf-b717-777303442973",
                                "123456789012",
                                "Công văn của UBND",
                                LocalDate.of(2026, 11, 1)),
                        "000.00.00.H41"));
    }

    @Test
    void aDocumentIdNamingAnotherAgencyIsNonstandard() {
        assertEquals(
                List.of(HeaderFormats.DOCUMENT_ID_NONSTANDARD),
                HeaderFormats.warnings(
                        header("000.00.00.G22,2026/11/20,7/UBND-VP", "7", "UBND-VP", null), "000.00.00.A80"));
    }
}
