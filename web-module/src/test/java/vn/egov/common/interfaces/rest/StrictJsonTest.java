package vn.egov.common.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.bind.JsonbException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.egov.cabinet.interfaces.rest.CabinetRequests;
import vn.egov.common.DomainException;
import vn.egov.common.TextRule;
import vn.egov.exchange.interfaces.rest.SendRequest;
import vn.egov.reporting.interfaces.rest.ReportingRequests;

class StrictJsonTest {

    private static final StrictJson JSON = StrictJson.instance();

    private static <T> T bind(String json, Class<T> type) {
        return JSON.fromJson(json.getBytes(StandardCharsets.UTF_8), type);
    }

    private static DomainException refused(String json, Class<?> type) {
        return assertThrows(DomainException.class, () -> bind(json, type));
    }

    @Test
    void aWellTypedCommentBindsAsBefore() {
        CabinetRequests.NewComment comment = bind("""
                {"version":2,"section":"Điều 3","text":"Đề nghị sửa\\nkhoản 2","parentId":null,"extra":"ignored"}""", CabinetRequests.NewComment.class);
        assertEquals(2, comment.version);
        assertEquals("Đề nghị sửa\nkhoản 2", comment.text);
    }

    @Test
    void aNumberWhereTextIsExpectedIsRefusedNotCoerced() {
        DomainException refusal = refused("{\"text\":12345}", CabinetRequests.NewComment.class);
        assertEquals(StrictJson.TYPE_CODE, refusal.code());
        assertEquals("text", refusal.arguments().get("field"));
        assertEquals("string", refusal.arguments().get("expected"));
    }

    @Test
    void aTruncatedBodyIsMalformedWhateverItsFirstToken() {
        assertThrows(JsonbException.class, () -> bind("[1, 2", CabinetRequests.NewComment.class));
        assertThrows(JsonbException.class, () -> bind("{\"text\": \"abc", CabinetRequests.NewComment.class));
        assertEquals(
                StrictJson.TYPE_CODE,
                refused("[1, 2]", CabinetRequests.NewComment.class).code());
    }

    @Test
    void booleansMustBeTrueOrFalseEvenInPrimitiveFields() {
        assertEquals(
                StrictJson.TYPE_CODE,
                refused("{\"online\":\"yes\"}", CabinetRequests.NewMeeting.class)
                        .code());
        assertEquals(
                StrictJson.TYPE_CODE,
                refused("{\"online\":1}", CabinetRequests.NewMeeting.class).code());
        assertEquals(
                StrictJson.TYPE_CODE,
                refused("{\"submit\":\"true\"}", ReportingRequests.NewReport.class)
                        .code());
        assertTrue(bind("{\"online\":true}", CabinetRequests.NewMeeting.class).online);
    }

    @Test
    void integersMustBeIntegralAndInRange() {
        assertEquals(
                "deadlineDay",
                refused("{\"deadlineDay\":15.5}", ReportingRequests.RegimeDefinition.class)
                        .arguments()
                        .get("field"));
        assertEquals(
                StrictJson.TYPE_CODE,
                refused("{\"deadlineDay\":\"15\"}", ReportingRequests.RegimeDefinition.class)
                        .code());
        assertEquals(
                StrictJson.TYPE_CODE,
                refused("{\"version\":4294967296}", CabinetRequests.NewComment.class)
                        .code());
        assertEquals(
                StrictJson.TYPE_CODE,
                refused("{\"parentId\":1e30}", CabinetRequests.NewComment.class).code());
        assertEquals(15, bind("{\"deadlineDay\":15}", ReportingRequests.RegimeDefinition.class).deadlineDay);
    }

    @Test
    void decimalsAcceptAnyNumberButNotText() {
        assertEquals(
                0,
                new java.math.BigDecimal("12.5")
                        .compareTo(bind("{\"value\":12.5}", ReportingRequests.Value.class).value));
        assertEquals(
                StrictJson.TYPE_CODE,
                refused("{\"value\":\"12.5\"}", ReportingRequests.Value.class).code());
    }

    @Test
    void nestedObjectsAndListsAreCheckedWithTheirPath() {
        DomainException refusal = refused("""
                {"indicators":[{"indicator":"CPI","required":true},{"indicator":"GDP","required":"no"}]}""", ReportingRequests.RegimeDefinition.class);
        assertEquals("indicators[1].required", refusal.arguments().get("field"));
        assertEquals(
                "to",
                refused("{\"to\":\"000.00.00.H41\"}", SendRequest.class)
                        .arguments()
                        .get("field"));
        assertEquals(
                "signer",
                refused("{\"signer\":\"Nguyễn Văn A\"}", SendRequest.class)
                        .arguments()
                        .get("field"));
        SendRequest send =
                bind("{\"to\":[\"000.00.00.H41\"],\"signer\":{\"fullName\":\"Nguyễn Văn A\"}}", SendRequest.class);
        assertEquals(List.of("000.00.00.H41"), send.to);
    }

    @Test
    void controlCharactersSurrogatesAndNoncharactersAreRefusedEverywhere() {
        assertEquals(
                TextRule.CODE,
                refused("{\"text\":\"a\\u0000b\"}", CabinetRequests.NewComment.class)
                        .code());
        assertEquals(
                TextRule.CODE,
                refused("{\"text\":\"a\\u0007b\"}", CabinetRequests.NewComment.class)
                        .code());
        assertEquals(
                TextRule.CODE,
                refused("{\"text\":\"a\\ud800b\"}", CabinetRequests.NewComment.class)
                        .code());
        assertEquals(
                TextRule.CODE,
                refused("{\"text\":\"a\\uffffb\"}", CabinetRequests.NewComment.class)
                        .code());
        assertEquals(
                "to[0]",
                refused("{\"to\":[\"H41\\u0085\"]}", SendRequest.class)
                        .arguments()
                        .get("field"));
        assertEquals(
                TextRule.CODE,
                refused("{\"unknown\":\"\\u0000\"}", CabinetRequests.NewComment.class)
                        .code(),
                "even members nobody reads");
        assertEquals(
                TextRule.CODE,
                refused("{\"te\\u0000xt\":\"a\"}", CabinetRequests.NewComment.class)
                        .code());
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNotReplaced() {
        byte[] body = "{\"text\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        DomainException refusal =
                assertThrows(DomainException.class, () -> JSON.fromJson(body, CabinetRequests.NewComment.class));
        assertEquals(StrictJson.ENCODING_CODE, refusal.code());
        byte[] overlong = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xc0, (byte) 0x80, '"', '}'};
        assertEquals(
                StrictJson.ENCODING_CODE,
                assertThrows(DomainException.class, () -> JSON.fromJson(overlong, CabinetRequests.NewComment.class))
                        .code());
    }

    @Test
    void malformedJsonIsStillJsonBsRefusal() {
        assertThrows(JsonbException.class, () -> bind("{\"text\":", CabinetRequests.NewComment.class));
        assertThrows(JsonbException.class, () -> bind("", CabinetRequests.NewComment.class));
    }

    @Test
    void answersAreSerialisedAsBefore() {
        assertFalse(JSON.toJson(java.util.Map.of("a", 1)).isEmpty());
    }
}
