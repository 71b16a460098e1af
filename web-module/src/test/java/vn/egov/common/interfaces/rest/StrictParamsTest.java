package vn.egov.common.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.annotation.Annotation;
import org.junit.jupiter.api.Test;
import vn.egov.common.DomainException;

class StrictParamsTest {

    /** Parameters as resources declare them; their annotations are what the provider sees. */
    @SuppressWarnings("unused")
    void resource(
            @QueryParam("dryRun") @DefaultValue("true") boolean dryRun,
            @QueryParam("limit") int limit,
            @QueryParam("offset") Integer offset,
            @QueryParam("version") Integer version,
            @PathParam("id") long id) {}

    private static Annotation[] annotations(int parameter) {
        for (java.lang.reflect.Method m : StrictParamsTest.class.getDeclaredMethods()) {
            if (m.getName().equals("resource")) {
                return m.getParameterAnnotations()[parameter];
            }
        }
        throw new IllegalStateException();
    }

    private static <T> ParamConverter<T> converter(Class<T> type, int parameter) {
        return new StrictParams().getConverter(type, type, annotations(parameter));
    }

    private static String refusedField(Runnable read) {
        DomainException refusal = assertThrows(DomainException.class, read::run);
        assertEquals(StrictParams.CODE, refusal.code());
        return (String) refusal.arguments().get("field");
    }

    @Test
    void aDryRunIsTrueOrFalseAndNothingElse() {
        ParamConverter<Boolean> dryRun = converter(boolean.class, 0);
        assertEquals(Boolean.TRUE, dryRun.fromString("true"));
        assertEquals(Boolean.FALSE, dryRun.fromString("false"));
        assertEquals("dryRun", refusedField(() -> dryRun.fromString("yes")));
        refusedField(() -> dryRun.fromString("TRUE"));
        refusedField(() -> dryRun.fromString(""));
        refusedField(() -> dryRun.fromString("true "));
    }

    @Test
    void pagingLimitIsAtLeastOneAndOffsetAtLeastZero() {
        ParamConverter<Integer> limit = converter(int.class, 1);
        assertEquals(20, limit.fromString("20"));
        assertEquals("limit", refusedField(() -> limit.fromString("-1")));
        refusedField(() -> limit.fromString("0"));
        ParamConverter<Integer> offset = converter(Integer.class, 2);
        assertEquals(0, offset.fromString("0"));
        assertNull(offset.fromString(null), "absent stays absent");
        assertEquals("offset", refusedField(() -> offset.fromString("-5")));
    }

    @Test
    void integersAreDigitsWithinRange() {
        ParamConverter<Integer> version = converter(Integer.class, 3);
        assertEquals(-3, version.fromString("-3"));
        refusedField(() -> version.fromString("+3"));
        refusedField(() -> version.fromString(" 3"));
        refusedField(() -> version.fromString("3.0"));
        refusedField(() -> version.fromString("2147483648"));
        refusedField(() -> version.fromString("99999999999999999999"));
        assertEquals(0, converter(int.class, 1).fromString(null), "an absent primitive reads as zero, as before");
    }

    @Test
    void pathParametersKeepTheRuntimesReading() {
        assertNull(converter(long.class, 4));
    }
}
