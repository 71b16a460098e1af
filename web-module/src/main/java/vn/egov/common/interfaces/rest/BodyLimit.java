package vn.egov.common.interfaces.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation whose request body may be larger than the API's default bound
 * ({@code egov.api.max-body-bytes}): names the configuration key of its own bound, in bytes, and
 * the code its 413 carries. {@link RequestHygiene} enforces it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BodyLimit {

    /** The configuration key holding the largest body accepted, in bytes. */
    String value();

    /** Added to the configured value, for a bound on decoded content carried as base64 in JSON. */
    Encoding encoding() default Encoding.RAW;

    /** The stable code of the 413 refusal. */
    String code() default RequestHygiene.TOO_LARGE_CODE;

    enum Encoding {
        /** The configured bytes are the body's own bound. */
        RAW,
        /** The configured bytes bound a file sent as base64 inside JSON: the body may be 4/3 of it plus the default. */
        BASE64_IN_JSON
    }
}
