package vn.egov.common.infrastructure;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues the demo CA's certificate and the demo signing certificates of agencies (documents) and of
 * Government members (votes and opinion ballots): RSA 2048, SHA-256.
 */
public final class Certificates {

    /** A key pair with its certificate. */
    public record Issued(PrivateKey key, X509Certificate certificate) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private Certificates() {}

    public static Issued demoAuthority() {
        KeyPair pair = rsa();
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, "Demo CA of the e-Government platform")
                .addRDN(BCStyle.O, "egov demo")
                .addRDN(BCStyle.C, "VN")
                .build();
        return new Issued(pair.getPrivate(), build(name, name, pair, pair.getPrivate(), true, Duration.ofDays(3650)));
    }

    /** An agency's certificate: CN is its electronic identifier code, O its name. */
    public static Issued agency(String code, String name, Issued authority) {
        KeyPair pair = rsa();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, code)
                .addRDN(BCStyle.O, name)
                .addRDN(BCStyle.C, "VN")
                .build();
        X500Name issuer = X500Name.getInstance(
                authority.certificate().getSubjectX500Principal().getEncoded());
        return new Issued(
                pair.getPrivate(), build(subject, issuer, pair, authority.key(), false, Duration.ofDays(730)));
    }

    /** A person's certificate: CN is their username, O their full name, OU the agency they act for. */
    public static Issued person(String username, String fullName, String agencyCode, Issued authority) {
        KeyPair pair = rsa();
        X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, username)
                .addRDN(BCStyle.O, fullName);
        if (agencyCode != null) {
            subject.addRDN(BCStyle.OU, agencyCode);
        }
        X500Name issuer = X500Name.getInstance(
                authority.certificate().getSubjectX500Principal().getEncoded());
        return new Issued(
                pair.getPrivate(),
                build(
                        subject.addRDN(BCStyle.C, "VN").build(),
                        issuer,
                        pair,
                        authority.key(),
                        false,
                        Duration.ofDays(730)));
    }

    /**
     * A person's certificate for a public key they generated themselves (their own device keeps the
     * private key): the same subject as {@link #person}, issued by the given authority.
     */
    public static X509Certificate personForKey(
            java.security.PublicKey publicKey, String username, String fullName, String agencyCode, Issued authority) {
        X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, username)
                .addRDN(BCStyle.O, fullName);
        if (agencyCode != null) {
            subject.addRDN(BCStyle.OU, agencyCode);
        }
        X500Name issuer = X500Name.getInstance(
                authority.certificate().getSubjectX500Principal().getEncoded());
        return build(
                subject.addRDN(BCStyle.C, "VN").build(),
                issuer,
                new KeyPair(publicKey, null),
                authority.key(),
                false,
                Duration.ofDays(730));
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate build(
            X500Name subject, X500Name issuer, KeyPair pair, PrivateKey signer, boolean authority, Duration validity) {
        Instant now = Instant.now();
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    issuer,
                    new BigInteger(64, RANDOM).abs().add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(validity)),
                    subject,
                    pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
            builder.addExtension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(
                            authority
                                    ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                                    : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer)));
        } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue a certificate", e);
        }
    }

    /** The value of the subject's CN, the agency code on the platform's certificates. */
    public static String commonName(X509Certificate certificate) {
        X500Name name =
                X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        var cn = name.getRDNs(BCStyle.CN);
        return cn.length == 0 ? null : cn[0].getFirst().getValue().toString();
    }
}
