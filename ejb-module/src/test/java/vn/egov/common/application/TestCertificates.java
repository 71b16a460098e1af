package vn.egov.common.application;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates with chosen dates and usages, as a real CA or a careless one would issue them. */
public final class TestCertificates {

    /** A key pair and its certificate. */
    public record Holder(KeyPair keys, X509Certificate certificate) {
        public PrivateKey key() {
            return keys.getPrivate();
        }
    }

    private static int serial = 1;

    private TestCertificates() {}

    public static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Holder authority(String name) {
        KeyPair keys = rsa();
        return new Holder(
                keys,
                issue(
                        "CN=" + name,
                        keys,
                        "CN=" + name,
                        keys.getPrivate(),
                        Instant.now().minusSeconds(86400),
                        Instant.now().plusSeconds(86400 * 365),
                        true,
                        KeyUsage.keyCertSign | KeyUsage.cRLSign));
    }

    public static Holder signer(String subject, Holder issuer, Instant from, Instant until, int usage) {
        KeyPair keys = rsa();
        return new Holder(
                keys,
                issue(
                        subject,
                        keys,
                        issuer.certificate().getSubjectX500Principal().getName(),
                        issuer.key(),
                        from,
                        until,
                        false,
                        usage));
    }

    public static Holder signer(String subject, Holder issuer) {
        return signer(
                subject,
                issuer,
                Instant.now().minusSeconds(3600),
                Instant.now().plusSeconds(86400 * 30),
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
    }

    public static Holder intermediate(String name, Holder issuer) {
        KeyPair keys = rsa();
        return new Holder(
                keys,
                issue(
                        "CN=" + name,
                        keys,
                        issuer.certificate().getSubjectX500Principal().getName(),
                        issuer.key(),
                        Instant.now().minusSeconds(3600),
                        Instant.now().plusSeconds(86400 * 60),
                        true,
                        KeyUsage.keyCertSign));
    }

    private static synchronized X509Certificate issue(
            String subject,
            KeyPair keys,
            String issuer,
            PrivateKey signer,
            Instant from,
            Instant until,
            boolean authority,
            int usage) {
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    new X500Name(issuer),
                    BigInteger.valueOf(serial++),
                    Date.from(from),
                    Date.from(until),
                    new X500Name(subject),
                    keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
