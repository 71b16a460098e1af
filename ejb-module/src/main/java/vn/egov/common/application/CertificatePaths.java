package vn.egov.common.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.common.infrastructure.Pem;
import vn.egov.exchange.application.DemoAuthority;

/**
 * The platform's one certificate verifier: whether a signer's certificate chains to a certification
 * authority the platform trusts (PKIX, {@link CertPathValidator}), was valid at the signing time and
 * may sign. Agencies' document signatures on the exchange and members' signed votes and answers in
 * the e-Cabinet are checked here, against the same trust list, so a CA an operator removes stops
 * counting for both at once.
 *
 * <p>The trust list is the CA certificates in the {@code trust_anchor} table plus the PEM files named
 * by {@code egov.trust-anchors} (and, for older deployments, {@code egov.exchange.trust-anchors});
 * the demo CA counts only while demo mode is on. Revocation is not checked (no CRL or OCSP source is
 * configured on the platform yet).
 *
 * <p>{@code @PermitAll}: an internal look-up, called only by the exchange's and the e-Cabinet's
 * services, which authorise their own callers.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class CertificatePaths {

    private static final Logger LOG = Logger.getLogger(CertificatePaths.class.getName());
    private static final long CHAIN_CACHE_MILLIS = 10 * 60 * 1000L;
    /** Certificate chains found good now, by certificate digest and trust list, until when. */
    private static final ConcurrentMap<String, Long> TRUSTED = new ConcurrentHashMap<>();

    /** Why a certificate is not accepted; {@code null} problem means it is. */
    public enum Problem {
        /** Not issued (directly or through intermediates given) by a trusted certification authority. */
        UNTRUSTED,
        /** Expired at the time that counts. */
        EXPIRED,
        /** Not yet valid at the time that counts. */
        NOT_YET_VALID,
        /** A CA certificate, or a key usage that excludes signing. */
        KEY_USAGE
    }

    /** The outcome of a check: accepted, or the problem and an English detail. */
    public record Verdict(Problem problem, String detail) {
        static final Verdict TRUSTED = new Verdict(null, null);

        public boolean trusted() {
            return problem == null;
        }
    }

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    private DemoAuthority demoAuthority;

    @Inject
    @ConfigProperty(name = "egov.trust-anchors")
    private Optional<String> trustAnchorFiles = Optional.empty();

    @Inject
    @ConfigProperty(name = "egov.exchange.trust-anchors")
    private Optional<String> exchangeTrustAnchorFiles = Optional.empty();

    @Inject
    @ConfigProperty(name = "egov.demo.enabled", defaultValue = "true")
    private boolean demo;

    private volatile Set<TrustAnchor> anchors;

    /**
     * The certification authorities the platform trusts. Internal: called by the exchange's and the
     * e-Cabinet's services, which authorise their own callers ({@code @PermitAll}).
     */
    @PermitAll
    public Set<TrustAnchor> anchors() {
        Set<TrustAnchor> loaded = anchors;
        return loaded != null ? loaded : loadAnchors();
    }

    /**
     * Whether the certificate chains to a trusted CA and may sign at {@code at}. Internal ({@code @PermitAll}):
     * see {@link #anchors()}.
     */
    @PermitAll
    public Verdict check(X509Certificate certificate, Instant at) {
        return verify(certificate, List.of(), anchors(), at);
    }

    private synchronized Set<TrustAnchor> loadAnchors() {
        if (anchors != null) {
            return anchors;
        }
        if (demo) {
            demoAuthority.ensure();
        }
        Set<TrustAnchor> set = new HashSet<>();
        for (vn.egov.exchange.domain.model.TrustAnchor row : em.createQuery(
                        "SELECT t FROM TrustAnchor t", vn.egov.exchange.domain.model.TrustAnchor.class)
                .getResultList()) {
            boolean isDemo = row.getPrivateKeyPem() != null;
            if (!isDemo || demo) {
                set.add(new TrustAnchor(Pem.certificate(row.getCertificatePem()), null));
            }
        }
        Set<String> files = new LinkedHashSet<>();
        trustAnchorFiles.ifPresent(list -> files.addAll(List.of(list.split(","))));
        exchangeTrustAnchorFiles.ifPresent(list -> files.addAll(List.of(list.split(","))));
        for (String file : files) {
            if (file.isBlank()) {
                continue;
            }
            try {
                set.add(new TrustAnchor(
                        Pem.certificate(Files.readString(Path.of(file.strip()), StandardCharsets.US_ASCII)), null));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the trust anchor " + file, e);
            }
        }
        anchors = Set.copyOf(set);
        LOG.info(() -> "Trust list: " + anchors.size() + " certification authorities");
        return anchors;
    }

    /**
     * The PKIX check itself, with no state: the end-entity certificate (with any intermediates the
     * signer sent, issuer after subject) against the anchors, at the given time. An end-entity
     * certificate must not be a CA, and its key usage, when present, must allow digital signature or
     * non-repudiation. Good chains checked for about now are remembered for ten minutes (never beyond
     * the certificate's expiry), since the same agencies and members sign all day.
     */
    public static Verdict verify(
            X509Certificate certificate, List<X509Certificate> intermediates, Set<TrustAnchor> anchors, Instant at) {
        Date when = Date.from(at);
        try {
            certificate.checkValidity(when);
        } catch (CertificateExpiredException e) {
            return new Verdict(
                    Problem.EXPIRED,
                    "the certificate expired on " + certificate.getNotAfter().toInstant());
        } catch (CertificateNotYetValidException e) {
            return new Verdict(
                    Problem.NOT_YET_VALID,
                    "the certificate is valid only from "
                            + certificate.getNotBefore().toInstant());
        }
        if (certificate.getBasicConstraints() >= 0) {
            return new Verdict(Problem.KEY_USAGE, "a certification authority's certificate does not sign statements");
        }
        boolean[] usage = certificate.getKeyUsage();
        if (usage != null && !(usage[0] || usage.length > 1 && usage[1])) {
            return new Verdict(
                    Problem.KEY_USAGE,
                    "the certificate's key usage allows neither digital signature " + "nor non-repudiation");
        }
        if (anchors.isEmpty()) {
            return new Verdict(Problem.UNTRUSTED, "no certification authority is trusted on this platform");
        }
        boolean aboutNow = Math.abs(at.toEpochMilli() - System.currentTimeMillis()) < CHAIN_CACHE_MILLIS;
        String key = aboutNow ? cacheKey(certificate, intermediates, anchors) : null;
        Long validUntil = key == null ? null : TRUSTED.get(key);
        if (validUntil != null && validUntil > System.currentTimeMillis()) {
            return Verdict.TRUSTED;
        }
        try {
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(when);
            List<X509Certificate> path = new java.util.ArrayList<>();
            path.add(certificate);
            path.addAll(intermediates);
            CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
        } catch (CertPathValidatorException e) {
            if (e.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
                return new Verdict(Problem.EXPIRED, "a certificate of the chain has expired (" + e.getMessage() + ")");
            }
            if (e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
                return new Verdict(
                        Problem.NOT_YET_VALID, "a certificate of the chain is not yet valid (" + e.getMessage() + ")");
            }
            return new Verdict(
                    Problem.UNTRUSTED,
                    "the certificate does not chain to a trusted authority (" + e.getMessage() + ")");
        } catch (GeneralSecurityException e) {
            return new Verdict(Problem.UNTRUSTED, "the certificate chain cannot be checked (" + e.getMessage() + ")");
        }
        if (key != null) {
            if (TRUSTED.size() > 10_000) {
                TRUSTED.clear();
            }
            TRUSTED.put(
                    key,
                    Math.min(
                            System.currentTimeMillis() + CHAIN_CACHE_MILLIS,
                            certificate.getNotAfter().getTime()));
        }
        return Verdict.TRUSTED;
    }

    private static String cacheKey(
            X509Certificate certificate, List<X509Certificate> intermediates, Set<TrustAnchor> anchors) {
        try {
            StringBuilder key = new StringBuilder(sha256(certificate.getEncoded()));
            for (X509Certificate intermediate : intermediates) {
                key.append('<').append(sha256(intermediate.getEncoded()));
            }
            List<String> trusted = new java.util.ArrayList<>();
            for (TrustAnchor anchor : anchors) {
                trusted.add(sha256(anchor.getTrustedCert().getEncoded()));
            }
            trusted.stream().sorted().forEach(a -> key.append('@').append(a));
            return key.toString();
        } catch (CertificateEncodingException e) {
            return null;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
