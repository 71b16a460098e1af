package vn.egov.common.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OriginsTest {

    @Test
    void anOriginHeaderIsNormalisedWithoutItsDefaultPort() {
        assertEquals(Optional.of("https://egov.example"), Origins.of("https://EGOV.example:443"));
        assertEquals(Optional.of("http://egov.example:8080"), Origins.of("http://egov.example:8080"));
        assertEquals(Optional.of("http://localhost"), Origins.of("http://localhost:80"));
    }

    @Test
    void aRefererNamesTheOriginOfThePageItCameFrom() {
        assertEquals(Optional.of("https://evil.example"), Origins.of("https://evil.example/forms/post.html?x=1#top"));
    }

    @Test
    void anOpaqueOrNonWebOriginNamesNoOrigin() {
        assertTrue(Origins.of("null").isEmpty());
        assertTrue(Origins.of("file:///etc/passwd").isEmpty());
        assertTrue(Origins.of("javascript:alert(1)").isEmpty());
        assertTrue(Origins.of("not a url at all").isEmpty());
        assertTrue(Origins.of("").isEmpty());
    }

    @Test
    void theRequestsOwnOriginComparesEqualToWhatABrowserSends() {
        assertEquals(Origins.of("http://127.0.0.1:34080").orElseThrow(), Origins.origin("http", "127.0.0.1", 34080));
        assertEquals(Origins.of("https://egov.example").orElseThrow(), Origins.origin("HTTPS", "egov.example", 443));
    }

    @Test
    void configuredOriginsAreReadAsACommaSeparatedList() {
        assertEquals(
                Set.of("https://portal.egov.example", "http://intranet.local:8080"),
                Origins.list(" https://portal.egov.example/ , http://intranet.local:8080,, null"));
        assertEquals(Set.of(), Origins.list(""));
    }
}
