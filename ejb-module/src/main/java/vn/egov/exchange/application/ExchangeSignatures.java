package vn.egov.exchange.application;

import jakarta.annotation.security.RolesAllowed;
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
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.common.DomainException;
import vn.egov.common.infrastructure.Certificates;
import vn.egov.common.infrastructure.Pem;
import vn.egov.directory.application.AgencyRecord;
import vn.egov.directory.application.DirectoryService;
import vn.egov.directory.domain.model.Role;
import vn.egov.exchange.domain.model.SignatureStatus;
import vn.egov.exchange.domain.model.SigningIdentity;
import vn.egov.exchange.infrastructure.XmlSignatures;

/**
 * Checks the signature of every document arriving on the axis against the trust list, and, in
 * demo mode, signs packages for demo agencies with keys issued by the demo CA.
 *
 * <p>The trust list is the CA certificates in the {@code trust_anchor} table plus the PEM files
 * named by {@code egov.exchange.trust-anchors}; the demo CA counts only while demo mode is on.
 * Signatures are required unless {@code egov.exchange.signature.required} is false; an invalid
 * signature is always refused.
 *
 * <p>Both operations are steps of a clerk's send or demo signing, so for clerks only.
 */
@Singleton
@RolesAllowed(Role.CLERK_ROLE)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ExchangeSignatures {

    private static final Logger LOG = Logger.getLogger(ExchangeSignatures.class.getName());

    /** The outcome recorded with the document. */
    public record Verdict(SignatureStatus status, String signerSubject) {
    }

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    private DemoAuthority demoAuthority;

    @Inject
    private DirectoryService directory;

    @Inject
    @ConfigProperty(name = "egov.exchange.signature.required", defaultValue = "true")
    private boolean required;

    @Inject
    @ConfigProperty(name = "egov.exchange.trust-anchors")
    private Optional<String> trustAnchorFiles = Optional.empty();

    @Inject
    @ConfigProperty(name = "egov.demo.enabled", defaultValue = "true")
    private boolean demo;

    private volatile Set<TrustAnchor> anchors;

    public Verdict check(OutgoingDocument document, String sender) {
        XmlSignatures.Result result = document.envelope() == null ? null
                : XmlSignatures.verify(document.envelope(), anchors());
        if (result == null || !result.signed()) {
            if (required) {
                throw DomainException.invalid("exchange.signature.missing", "documents on this axis must carry the "
                        + "sending agency's XML signature over the edXML envelope");
            }
            return new Verdict(SignatureStatus.UNSIGNED, null);
        }
        if (!result.valid()) {
            throw DomainException.invalid("exchange.signature.invalid", "the signature is not valid: " + result.problem());
        }
        X509Certificate signer = result.signer();
        if (!sender.equals(Certificates.commonName(signer))) {
            throw DomainException.invalid("exchange.signature.wrong-signer", "the document is signed with the "
                    + "certificate of " + signer.getSubjectX500Principal().getName() + ", not of " + sender);
        }
        for (IncomingAttachment attachment : document.attachments()) {
            if (!attachment.content().sha256().equals(attachment.declaredSha256())) {
                throw DomainException.invalid("exchange.signature.attachment", "attachment " + attachment.contentId()
                        + " is not the file the signed manifest describes");
            }
        }
        return new Verdict(SignatureStatus.VALID, signer.getSubjectX500Principal().getName());
    }

    private Set<TrustAnchor> anchors() {
        Set<TrustAnchor> loaded = anchors;
        if (loaded == null) {
            loaded = loadAnchors();
        }
        return loaded;
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
                "SELECT t FROM TrustAnchor t", vn.egov.exchange.domain.model.TrustAnchor.class).getResultList()) {
            boolean isDemo = row.getPrivateKeyPem() != null;
            if (!isDemo || demo) {
                set.add(new TrustAnchor(Pem.certificate(row.getCertificatePem()), null));
            }
        }
        for (String file : trustAnchorFiles.map(list -> List.of(list.split(","))).orElse(List.of())) {
            if (file.isBlank()) {
                continue;
            }
            try {
                set.add(new TrustAnchor(Pem.certificate(Files.readString(Path.of(file.strip()),
                        StandardCharsets.US_ASCII)), null));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the trust anchor " + file, e);
            }
        }
        anchors = Set.copyOf(set);
        LOG.info(() -> "Exchange trust list: " + anchors.size() + " certification authorities");
        return anchors;
    }

    /** Demo mode only: signs an edXML package as the given demo agency, issuing its key on first use. */
    public synchronized byte[] signAsDemoAgency(byte[] edxml, String agencyCode) {
        if (!demo) {
            throw DomainException.notFound("exchange.demo.off", "demo signing exists only in demo mode");
        }
        SigningIdentity identity = em.find(SigningIdentity.class, agencyCode);
        if (identity == null) {
            AgencyRecord agency = directory.findAgency(agencyCode).orElseThrow(() ->
                    DomainException.notFound("agency.not-found", "no agency " + agencyCode));
            Certificates.Issued issued = Certificates.agency(agencyCode, agency.name(), demoAuthority.ensure());
            identity = new SigningIdentity(agencyCode, Pem.of(issued.certificate()), Pem.of(issued.key()),
                    OffsetDateTime.now());
            em.persist(identity);
        }
        return XmlSignatures.sign(edxml, Pem.privateKey(identity.getPrivateKeyPem()),
                Pem.certificate(identity.getCertificatePem()));
    }
}
