package vn.egov.it;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * A stand-in for the citizens' identity provider in the Failsafe JVM, on {@code it.oidc.port} (the domain's
 * portbase + 26, which the IT domain's {@code egov.portal.api.oidc-issuer} names): an RSA key whose JWKS is served
 * at {@code <issuer>/protocol/openid-connect/certs} (Keycloak's layout), signing access tokens shaped like
 * Keycloak's (typ Bearer, azp, the national portal's claims) for the partner app {@code egov-it-app}. The platform
 * verifies them exactly as it verifies Keycloak's.
 */
final class CitizenTokenIssuer implements AutoCloseable {

    private final HttpServer server;
    private final RSAKey key;
    private final String issuer;

    private CitizenTokenIssuer(HttpServer server, RSAKey key, String issuer) {
        this.server = server;
        this.key = key;
        this.issuer = issuer;
    }

    static CitizenTokenIssuer start() throws Exception {
        int port = Integer.getInteger("it.oidc.port");
        RSAKey key = new RSAKeyGenerator(2048).keyID("it-" + UUID.randomUUID()).generate();
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/realms/egov-it/protocol/openid-connect/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
        return new CitizenTokenIssuer(server, key, "http://127.0.0.1:" + port + "/realms/egov-it");
    }

    /** An access token for a citizen, valid ten minutes; {@code acr} the sign-in's assurance level. */
    String token(String personalId, String name, String phone, String email, String acr) {
        try {
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .subject("sub-" + personalId)
                    .audience("account")
                    .claim("azp", "egov-it-app")
                    .claim("typ", "Bearer")
                    .claim("acr", acr)
                    .claim("SoDinhDanh", personalId)
                    .claim("HoVaTen", name)
                    .claim("SoDienThoai", phone)
                    .claim("email", email)
                    .claim("LoaiTaiKhoan", "1")
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(600)))
                    .build();
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Nguyễn Văn An, the demo citizen of the tests. */
    String an() {
        return token("001088001234", "Nguyễn Văn An", "0912 345 678", "an.nguyen@citizen.example", "1");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
