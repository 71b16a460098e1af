package vn.egov.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The public portal (/portal) and a citizen's sign-in through the identity provider. */
@ExtendWith(ArquillianExtension.class)
class PortalSignInIT extends PlatformIT {

    @Test
    void theHomePageIsPublicAndVietnameseFirst() {
        HttpResponse<String> home = send(HttpRequest.newBuilder(uri("portal/")).GET());
        assertEquals(200, home.statusCode(), "deployment at " + base() + ": " + home.body());
        assertTrue(home.body().contains("Cổng dịch vụ công"), home.body());
        assertTrue(home.body().contains("Đăng nhập"), home.body());
        String policy = home.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self' 'nonce-"), policy);
        assertEquals(
                "nosniff", home.headers().firstValue("X-Content-Type-Options").orElse(""));
    }
}
