package vn.egov.it;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** What a member's own device does: make a key pair, ask for a certificate, sign statements. */
final class MemberDevice {

    private MemberDevice() {}

    static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /** A PKCS#10 certification request for the key, signed by it (PEM). */
    static String certificateRequest(String username, KeyPair keys) throws Exception {
        return pem(
                "CERTIFICATE REQUEST",
                new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=" + username), keys.getPublic())
                        .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()))
                        .getEncoded());
    }

    /** A certificate from an authority the platform has never heard of, as anyone can make one. */
    static String homeMadeCertificate(String subject, KeyPair subjectKeys, Instant from, Instant until)
            throws Exception {
        KeyPair authority = rsa();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                new X500Name("CN=Home-made CA"),
                BigInteger.valueOf(System.nanoTime()),
                Date.from(from),
                Date.from(until),
                new X500Name(subject),
                subjectKeys.getPublic());
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        return pem(
                "CERTIFICATE",
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(authority.getPrivate()))
                        .getEncoded());
    }

    /** SHA256withRSA over the statement's UTF-8 bytes, base64. */
    static String sign(KeyPair keys, String statement) throws Exception {
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.getPrivate());
        signer.update(statement.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signer.sign());
    }
}
