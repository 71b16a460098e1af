package vn.egov.portal.interfaces.signin;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where and as whom the portal signs citizens in ({@code egov.portal.oidc.*}), and what the identity provider
 * publishes about itself. The provider's metadata is read on first use, not at deployment, so the portal deploys
 * while the identity provider is still starting; a failed read is retried on the next sign-in.
 */
@ApplicationScoped
public class OidcSettings {

    @Inject
    @ConfigProperty(name = "egov.portal.oidc.issuer")
    private String issuer;

    @Inject
    @ConfigProperty(name = "egov.portal.oidc.client-id")
    private String clientId;

    @Inject
    @ConfigProperty(name = "egov.portal.oidc.client-secret")
    private String clientSecret;

    @Inject
    @ConfigProperty(name = "egov.portal.oidc.redirect-base")
    private String redirectBase;

    @Inject
    @ConfigProperty(name = "egov.portal.oidc.scope", defaultValue = "openid")
    private String scope;

    @Inject
    @ConfigProperty(name = "egov.portal.oidc.timeout-ms", defaultValue = "5000")
    private int timeoutMillis;

    @Inject
    @ConfigProperty(name = "egov.portal.oidc.assurance-levels", defaultValue = "")
    private String assuranceLevelSetting;

    private Map<String, Integer> assuranceLevels;
    private volatile Provider provider;

    /** The identity provider's endpoints and the validator of its ID tokens. */
    record Provider(OIDCProviderMetadata metadata, IDTokenValidator idTokens) {}

    @PostConstruct
    void init() {
        assuranceLevels = AssuranceLevels.parse(assuranceLevelSetting);
    }

    Provider provider() throws IOException, GeneralException {
        Provider known = provider;
        if (known == null) {
            synchronized (this) {
                known = provider;
                if (known == null) {
                    OIDCProviderMetadata metadata =
                            OIDCProviderMetadata.resolve(new Issuer(issuer), timeoutMillis, timeoutMillis);
                    IDTokenValidator validator = new IDTokenValidator(
                            metadata.getIssuer(),
                            clientID(),
                            JWSAlgorithm.RS256,
                            metadata.getJWKSetURI().toURL());
                    validator.setMaxClockSkew(60);
                    known = new Provider(metadata, validator);
                    provider = known;
                }
            }
        }
        return known;
    }

    ClientID clientID() {
        return new ClientID(clientId);
    }

    Secret clientSecret() {
        return new Secret(clientSecret);
    }

    Scope scope() {
        return Scope.parse(scope);
    }

    int timeoutMillis() {
        return timeoutMillis;
    }

    /** The callback exactly as registered with the identity provider (never built from the request's Host). */
    URI callback() {
        return URI.create(base() + SignInPaths.CALLBACK);
    }

    /** Where the identity provider sends the browser after sign-out: the portal's home page. */
    URI home() {
        return URI.create(base() + "/");
    }

    Map<String, Integer> assuranceLevels() {
        return assuranceLevels;
    }

    private String base() {
        return redirectBase.endsWith("/") ? redirectBase.substring(0, redirectBase.length() - 1) : redirectBase;
    }
}
