package vn.egov.exchange.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.common.DomainException;
import vn.egov.common.application.CertificatePaths;
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
 * <p>The trust list and the chain check are the platform's one verifier, {@link CertificatePaths},
 * shared with the e-Cabinet's member signatures.
 * Signatures are required unless {@code egov.exchange.signature.required} is false; an invalid
 * signature is always refused.
 *
 * <p>Both operations are steps of a clerk's send or demo signing, so for clerks only.
 */
@Singleton
@RolesAllowed(Role.CLERK_ROLE)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ExchangeSignatures {

    /** The outcome recorded with the document. */
    public record Verdict(SignatureStatus status, String signerSubject) {}

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
    @ConfigProperty(name = "egov.demo.enabled", defaultValue = "true")
    private boolean demo;

    @Inject
    private CertificatePaths paths;

    public Verdict check(OutgoingDocument document, String sender) {
        XmlSignatures.Result result =
                document.envelope() == null ? null : XmlSignatures.verify(document.envelope(), paths.anchors());
        if (result == null || !result.signed()) {
            if (required) {
                throw DomainException.invalid(
                        "exchange.signature.missing",
                        "documents on this axis must carry the "
                                + "sending agency's XML signature over the edXML envelope");
            }
            return new Verdict(SignatureStatus.UNSIGNED, null);
        }
        if (!result.valid()) {
            throw DomainException.invalid(
                    "exchange.signature.invalid", "the signature is not valid: " + result.problem());
        }
        X509Certificate signer = result.signer();
        if (!sender.equals(Certificates.commonName(signer))) {
            throw DomainException.invalid(
                    "exchange.signature.wrong-signer",
                    "the document is signed with the " + "certificate of "
                            + signer.getSubjectX500Principal().getName() + ", not of " + sender);
        }
        for (IncomingAttachment attachment : document.attachments()) {
            if (!attachment.content().sha256().equals(attachment.declaredSha256())) {
                throw DomainException.invalid(
                        "exchange.signature.attachment",
                        "attachment " + attachment.contentId() + " is not the file the signed manifest describes");
            }
        }
        return new Verdict(
                SignatureStatus.VALID, signer.getSubjectX500Principal().getName());
    }

    /** Demo mode only: signs an edXML package as the given demo agency, issuing its key on first use. */
    public synchronized byte[] signAsDemoAgency(byte[] edxml, String agencyCode) {
        if (!demo) {
            throw DomainException.notFound("exchange.demo.off", "demo signing exists only in demo mode");
        }
        SigningIdentity identity = em.find(SigningIdentity.class, agencyCode);
        if (identity == null) {
            AgencyRecord agency = directory
                    .findAgency(agencyCode)
                    .orElseThrow(() -> DomainException.notFound("agency.not-found", "no agency " + agencyCode));
            Certificates.Issued issued = Certificates.agency(agencyCode, agency.name(), demoAuthority.ensure());
            identity = new SigningIdentity(
                    agencyCode, Pem.of(issued.certificate()), Pem.of(issued.key()), OffsetDateTime.now());
            em.persist(identity);
        }
        return XmlSignatures.sign(
                edxml, Pem.privateKey(identity.getPrivateKeyPem()), Pem.certificate(identity.getCertificatePem()));
    }
}
