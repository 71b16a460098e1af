package vn.egov.exchange.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.common.infrastructure.AttachmentStore;

/** Hands out edXML readers bound by the configured limits, for the API and the intranet alike. */
@ApplicationScoped
public class EdxmlReaders {

    @Inject
    private AttachmentStore store;

    @Inject
    @ConfigProperty(name = "egov.exchange.max-payload-bytes")
    private long maxPayloadBytes;

    @Inject
    @ConfigProperty(name = "egov.exchange.max-attachment-bytes")
    private long maxAttachmentBytes;

    @Inject
    @ConfigProperty(name = "egov.exchange.max-attachments")
    private int maxAttachments;

    @Inject
    @ConfigProperty(name = "egov.exchange.xml.max-depth")
    private int maxDepth;

    private EdxmlReader.Limits limits;

    @jakarta.annotation.PostConstruct
    void readLimits() {
        limits = new EdxmlReader.Limits(maxPayloadBytes, maxAttachmentBytes, maxAttachments, maxDepth);
    }

    public EdxmlReader newReader() {
        return new EdxmlReader(store, limits);
    }

    /** A reader of edXML status messages, bound by the configured depth (the caller bounds the size). */
    public EdxmlStatusReader newStatusReader() {
        return new EdxmlStatusReader(maxDepth);
    }

    /** The configured bounds, for what reads a document without this reader (JSON sends, uploads). */
    public EdxmlReader.Limits limits() {
        return limits;
    }
}
