package vn.egov.security.application;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.directory.domain.model.Role;

/**
 * A citizen calling the platform's API with an access token the citizens' identity provider
 * (Keycloak) issued — the portal's partner apps do, since the platform's own tokens are for
 * agencies' systems and staff. The token must be signed by a key of the realm's JWKS, come from
 * {@code egov.portal.api.oidc-issuer} (by default the portal's sign-in issuer,
 * {@code egov.portal.oidc.issuer}), be an access token ({@code typ} Bearer), unexpired, issued to
 * one of {@code egov.portal.api.oidc-clients} ({@code azp} or {@code aud}), and carry a 12-digit
 * {@code SoDinhDanh}; it then stands for a {@link CitizenPrincipal} with the groups CITIZEN and
 * AUTHENTICATED. Nothing is accepted when the issuer is {@code none}.
 */
@ApplicationScoped
public class CitizenAccessTokens {

    private static final Logger LOG = Logger.getLogger(CitizenAccessTokens.class.getName());
    private static final Pattern PERSONAL_ID = Pattern.compile("\\d{12}");
    private static final Set<String> GROUPS = Set.of(Role.CITIZEN_ROLE, Role.AUTHENTICATED);

    @Inject
    @ConfigProperty(name = "egov.portal.api.oidc-issuer", defaultValue = "none")
    private String issuer;

    /** Keycloak's layout unless given: {@code <issuer>/protocol/openid-connect/certs}. */
    @Inject
    @ConfigProperty(name = "egov.portal.api.oidc-jwks-uri", defaultValue = "none")
    private String jwksUri;

    @Inject
    @ConfigProperty(name = "egov.portal.api.oidc-clients", defaultValue = "egov-portal")
    private List<String> clients;

    @Inject
    @ConfigProperty(name = "egov.portal.oidc.assurance-levels", defaultValue = "LoA1=1,LoA2=2,LoA3=3,1=1,0=1")
    private String assuranceLevels;

    private DefaultJWTProcessor<SecurityContext> processor;
    private final Map<String, Integer> levels = new HashMap<>();

    @PostConstruct
    void init() {
        for (String pair : assuranceLevels.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                try {
                    levels.put(
                            pair.substring(0, eq).strip(),
                            Integer.parseInt(pair.substring(eq + 1).strip()));
                } catch (NumberFormatException e) {
                    LOG.warning("egov.portal.oidc.assurance-levels: not a level in " + pair);
                }
            }
        }
        if (issuer == null || issuer.isBlank() || "none".equals(issuer)) {
            return;
        }
        String keys = jwksUri == null || "none".equals(jwksUri)
                ? issuer.replaceAll("/+$", "") + "/protocol/openid-connect/certs"
                : jwksUri;
        try {
            JWKSource<SecurityContext> source = JWKSourceBuilder.create(
                            URI.create(keys).toURL())
                    .retrying(true)
                    .build();
            processor = new DefaultJWTProcessor<>();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                    Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256), source));
            processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                    new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp", "iat")));
        } catch (MalformedURLException | IllegalArgumentException e) {
            LOG.log(
                    Level.SEVERE,
                    "the citizens' JWKS address " + keys + " is not a URL; citizen tokens are refused",
                    e);
        }
    }

    /** The citizen a bearer token stands for; empty when it is not a valid access token of the citizens' realm. */
    public Optional<AuthenticatedCaller> verify(String token) {
        if (processor == null
                || token == null
                || token.chars().filter(c -> c == '.').count() != 2) {
            return Optional.empty();
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (Exception e) {
            // BadJOSEException, JOSEException, ParseException: not a token of ours to accept
            return Optional.empty();
        }
        Object typ = claims.getClaim("typ");
        if (typ != null && !"Bearer".equalsIgnoreCase(String.valueOf(typ))) {
            return Optional.empty();
        }
        String azp = text(claims, "azp");
        boolean forUs = (azp != null && clients.contains(azp))
                || (claims.getAudience() != null
                        && claims.getAudience().stream().anyMatch(clients::contains));
        if (!forUs) {
            return Optional.empty();
        }
        String personalId = text(claims, "SoDinhDanh");
        if (personalId == null || !PERSONAL_ID.matcher(personalId).matches()) {
            return Optional.empty();
        }
        CitizenPrincipal citizen = new CitizenPrincipal(
                personalId,
                first(text(claims, "HoVaTen"), text(claims, "name")),
                claims.getSubject(),
                first(text(claims, "ThuDienTu"), text(claims, "email")),
                text(claims, "SoDienThoai"),
                date(text(claims, "NgayThangNamSinh")),
                text(claims, "GioiTinh"),
                first(text(claims, "LoaiTaiKhoan"), "1"),
                text(claims, "MaSoDoanhNghiep"),
                level(first(text(claims, "loAs"), text(claims, "acr"))));
        return Optional.of(new AuthenticatedCaller(citizen, GROUPS));
    }

    /** As the portal's sign-in reads it: a value the configuration does not list is level 0, never trusted. */
    private int level(String claim) {
        if (claim == null) {
            return 0;
        }
        return levels.getOrDefault(claim, 0);
    }

    private static String text(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value).strip();
        return text.isEmpty() ? null : text;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        try {
            return text.contains("/")
                    ? LocalDate.parse(text, java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                    : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
