package vn.egov.exchange.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vn.egov.common.DomainException;
import vn.egov.common.infrastructure.AttachmentStore;
import vn.egov.common.infrastructure.BoundedInputStream;
import vn.egov.common.infrastructure.StoredContent;
import vn.egov.exchange.application.HeaderFormats;
import vn.egov.exchange.application.IncomingAttachment;
import vn.egov.exchange.application.OutgoingDocument;
import vn.egov.exchange.domain.model.BusinessType;
import vn.egov.exchange.domain.model.ExchangeDocument;
import vn.egov.exchange.domain.model.Urgency;

/**
 * Reads an edXML package (QCVN 102:2016) in one streaming pass: header fields into the domain's
 * shape, base64 attachments decoded straight into the attachment store, so a 50 MB package never
 * sits in memory. Hostile input is refused, never resolved: no DTD, no entity of any kind, bounded
 * size, depth, field length and attachment count. Lenient about what it does not need (unknown
 * elements, namespaces of inner elements), strict about what it keeps; field-level rules
 * (agency codes, notation, lengths) are the service's, for XML and JSON alike.
 */
public final class EdxmlReader {

    public static final String NAMESPACE = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    private static final DateTimeFormatter EDXML_DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd");
    private static final int MAX_TEXT = 4000;

    /** The bounds a package must keep. */
    public record Limits(long maxPayloadBytes, long maxAttachmentBytes, int maxAttachments, int maxDepth) {}

    private final AttachmentStore store;
    private final Limits limits;
    private final XMLInputFactory factory;

    public EdxmlReader(AttachmentStore store, Limits limits) {
        this.store = store;
        this.limits = limits;
        // The JDK's own StAX parser, whatever else is on the class path, told to refuse DTDs outright.
        this.factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
    }

    public OutgoingDocument read(InputStream raw) {
        MessageDigest digest = vn.egov.common.Digests.sha256();
        List<AttachmentStore.Writer> open = new ArrayList<>();
        // Files finished while reading are staged only; a package refused at any point takes them back.
        List<StoredContent> staged = new ArrayList<>();
        BoundedInputStream bounded = new BoundedInputStream(raw, limits.maxPayloadBytes());
        // The package itself is kept too, byte for byte, so a recipient can fetch it exactly as sent.
        AttachmentStore.Writer whole = store.newWriter(limits.maxPayloadBytes());
        open.add(whole);
        InputStream copied = new Copying(bounded, whole.stream());
        try (InputStream in = new java.io.BufferedInputStream(new DigestInputStream(copied, digest), 64 * 1024)) {
            // The parser may close its input at the end of the document; the rest still goes through the digest.
            InputStream unclosable = new java.io.FilterInputStream(in) {
                @Override
                public void close() {
                    // closed by the enclosing try
                }
            };
            // UTF-8 (what edXML uses) is decoded by the JDK's decoder, several times faster than the
            // parser's own on a large base64 attachment; malformed bytes are still refused.
            XMLStreamReader xml = isUtf8(in)
                    ? factory.createXMLStreamReader(new java.io.InputStreamReader(
                            unclosable,
                            java.nio.charset.StandardCharsets.UTF_8
                                    .newDecoder()
                                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)))
                    : factory.createXMLStreamReader(unclosable);
            try {
                Parsed parsed = parse(xml, open, staged);
                in.transferTo(java.io.OutputStream.nullOutputStream());
                open.remove(whole);
                StoredContent kept = whole.finish();
                staged.add(kept);
                return parsed.toDocument(vn.egov.common.Digests.hex(digest.digest()), kept);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException | IOException | UncheckedIOException e) {
            open.forEach(AttachmentStore.Writer::abandon);
            staged.forEach(store::discard);
            if (bounded.exceeded() || BoundedInputStream.isTooLarge(e)) {
                throw new DomainException(
                        DomainException.Kind.TOO_LARGE,
                        "exchange.payload.too-large",
                        "the package exceeds the configured limit of " + limits.maxPayloadBytes() + " bytes");
            }
            throw DomainException.invalid(
                    "exchange.xml.malformed", "the package is not well-formed XML: " + firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            open.forEach(AttachmentStore.Writer::abandon);
            staged.forEach(store::discard);
            throw e;
        }
    }

    /**
     * Whether the package is UTF-8 by its start: no byte-order mark but UTF-8's, and an XML
     * declaration that names no encoding or UTF-8. Leaves the stream just past a UTF-8 mark.
     */
    static boolean isUtf8(InputStream in) throws IOException {
        byte[] head = new byte[256];
        in.mark(head.length);
        int n = in.readNBytes(head, 0, head.length);
        in.reset();
        if (n >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
            in.skipNBytes(3);
            return true;
        }
        if (n >= 2 && (head[0] == 0 || head[1] == 0 || (head[0] & 0xff) >= 0xfe)) {
            return false; // UTF-16 or UTF-32, with or without a mark: the parser's own detection
        }
        String start = new String(head, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!start.startsWith("<?xml")) {
            return true; // no declaration: UTF-8 by the XML specification
        }
        int end = start.indexOf("?>");
        java.util.regex.Matcher encoding = DECLARED_ENCODING.matcher(end < 0 ? start : start.substring(0, end));
        return !encoding.find()
                || encoding.group(1).equalsIgnoreCase("UTF-8")
                || encoding.group(1).equalsIgnoreCase("UTF8");
    }

    private static final java.util.regex.Pattern DECLARED_ENCODING =
            java.util.regex.Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

    private Parsed parse(XMLStreamReader xml, List<AttachmentStore.Writer> open, List<StoredContent> staged)
            throws XMLStreamException, IOException {
        Parsed parsed = new Parsed();
        Deque<String> path = new ArrayDeque<>();
        StringBuilder text = new StringBuilder();
        AttachmentStore.Writer base64 = null;
        Map<String, String> attachment = null;
        Map<String, String> reference = null;
        boolean sawRoot = false;
        Deque<Map<String, String>> namespaces = new ArrayDeque<>();
        org.w3c.dom.Document envelope = null;
        org.w3c.dom.Node domCursor = null;
        while (xml.hasNext()) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.DTD ->
                    throw DomainException.invalid(
                            "exchange.xml.dtd-forbidden", "document type declarations are not accepted");
                case XMLStreamConstants.ENTITY_REFERENCE ->
                    throw DomainException.invalid(
                            "exchange.xml.entity-forbidden", "entity references are not accepted");
                case XMLStreamConstants.START_ELEMENT -> {
                    String name = xml.getLocalName();
                    if (!sawRoot) {
                        if (!"edXML".equals(name) || !NAMESPACE.equals(xml.getNamespaceURI())) {
                            throw DomainException.invalid(
                                    "exchange.edxml.root", "the root element must be edXML in namespace " + NAMESPACE);
                        }
                        sawRoot = true;
                    }
                    String parent = path.peek();
                    path.push(name);
                    Map<String, String> declared = new LinkedHashMap<>();
                    for (int i = 0; i < xml.getNamespaceCount(); i++) {
                        declared.put(
                                xml.getNamespacePrefix(i) == null ? "" : xml.getNamespacePrefix(i),
                                xml.getNamespaceURI(i));
                    }
                    namespaces.push(declared);
                    if (domCursor == null && envelope == null && "edXMLEnvelope".equals(name) && path.size() == 2) {
                        envelope = XmlSignatures.newDocument();
                        domCursor = envelope;
                    }
                    if (domCursor != null) {
                        domCursor = domCursor.appendChild(
                                element(envelope, xml, domCursor == envelope ? inScope(namespaces) : declared));
                    }
                    if (path.size() > limits.maxDepth()) {
                        throw DomainException.invalid(
                                "exchange.xml.too-deep", "elements nest deeper than " + limits.maxDepth() + " levels");
                    }
                    text.setLength(0);
                    if ("AttachmentEncoded".equals(parent) && "Attachment".equals(name)) {
                        if (parsed.attachments.size() >= limits.maxAttachments()) {
                            throw DomainException.invalid(
                                    "exchange.attachment.too-many",
                                    "a document carries at most " + limits.maxAttachments() + " attachments");
                        }
                        attachment = new HashMap<>();
                    } else if ("edXMLManifest".equals(parent) && "Reference".equals(name)) {
                        reference = new HashMap<>();
                    } else if (attachment != null && "ContentTransferEncoded".equals(name)) {
                        base64 = store.newWriter(limits.maxAttachmentBytes());
                        open.add(base64);
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (domCursor != null) {
                        domCursor.appendChild(envelope.createTextNode(xml.getText()));
                    }
                    if (base64 != null) {
                        base64.appendBase64(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                    } else {
                        text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                        if (text.length() > MAX_TEXT) {
                            throw DomainException.invalid(
                                    "exchange.field.too-long",
                                    "element " + path.peek() + " holds more than " + MAX_TEXT + " characters");
                        }
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    String name = path.pop();
                    namespaces.pop();
                    if (domCursor != null) {
                        domCursor = domCursor.getParentNode() == envelope ? null : domCursor.getParentNode();
                    }
                    String parent = path.peek();
                    String value = text.toString().strip();
                    text.setLength(0);
                    if (base64 != null && "ContentTransferEncoded".equals(name)) {
                        StoredContent stored = finish(base64);
                        open.remove(base64);
                        staged.add(stored);
                        base64 = null;
                        parsed.storedFor(attachment).add(stored);
                    } else if (attachment != null && "Attachment".equals(name)) {
                        parsed.addAttachment(attachment);
                        attachment = null;
                    } else if (attachment != null && "Attachment".equals(parent)) {
                        attachment.put(name, value);
                    } else if (reference != null && "Reference".equals(name)) {
                        parsed.references.add(reference);
                        reference = null;
                    } else if (reference != null && "Reference".equals(parent)) {
                        reference.put(name, value);
                    } else {
                        parsed.leaf(parent, name, value, path);
                    }
                }
                default -> {
                    // comments, processing instructions, document start and end: nothing to keep
                }
            }
        }
        parsed.envelope = envelope;
        if (!parsed.sawMessageHeader) {
            throw DomainException.invalid("exchange.edxml.header-missing", "the package has no MessageHeader");
        }
        return parsed;
    }

    /** The namespace declarations in scope, outermost first so inner ones win. */
    private static Map<String, String> inScope(Deque<Map<String, String>> namespaces) {
        Map<String, String> all = new LinkedHashMap<>();
        var outermostFirst = namespaces.descendingIterator();
        while (outermostFirst.hasNext()) {
            all.putAll(outermostFirst.next());
        }
        return all;
    }

    private static org.w3c.dom.Element element(
            org.w3c.dom.Document doc, XMLStreamReader xml, Map<String, String> declarations) {
        String prefix = xml.getPrefix();
        String qualified = prefix == null || prefix.isEmpty() ? xml.getLocalName() : prefix + ":" + xml.getLocalName();
        String namespace = xml.getNamespaceURI();
        org.w3c.dom.Element element =
                doc.createElementNS(namespace == null || namespace.isEmpty() ? null : namespace, qualified);
        declarations.forEach((p, uri) -> element.setAttributeNS(
                javax.xml.XMLConstants.XMLNS_ATTRIBUTE_NS_URI, p.isEmpty() ? "xmlns" : "xmlns:" + p, uri));
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String attributePrefix = xml.getAttributePrefix(i);
            String attributeNamespace = xml.getAttributeNamespace(i);
            element.setAttributeNS(
                    attributeNamespace == null || attributeNamespace.isEmpty() ? null : attributeNamespace,
                    attributePrefix == null || attributePrefix.isEmpty()
                            ? xml.getAttributeLocalName(i)
                            : attributePrefix + ":" + xml.getAttributeLocalName(i),
                    xml.getAttributeValue(i));
        }
        return element;
    }

    private static StoredContent finish(AttachmentStore.Writer writer) throws IOException {
        return writer.finish();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    /** Whether two ContentIds name the same part, with or without the {@code cid:} scheme. */
    static boolean sameContentId(String a, String b) {
        return a != null && b != null && withoutCid(a).equals(withoutCid(b));
    }

    static String withoutCid(String contentId) {
        String id = contentId.strip();
        return id.regionMatches(true, 0, "cid:", 0, 4) ? id.substring(4) : id;
    }

    /** Copies every byte read through it to the package's file. */
    private static final class Copying extends java.io.FilterInputStream {
        private final java.io.OutputStream copy;

        Copying(InputStream in, java.io.OutputStream copy) {
            super(in);
            this.copy = copy;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                copy.write(buffer, offset, n);
            }
            return n;
        }
    }

    /** Everything read so far; turned into the domain's shape at the end. */
    private static final class Parsed {
        final Map<String, String> header = new LinkedHashMap<>();
        final List<String> recipients = new ArrayList<>();
        final List<Map<String, String>> references = new ArrayList<>();
        final List<Map<String, String>> attachments = new ArrayList<>();
        final Map<Map<String, String>, List<StoredContent>> stored = new java.util.IdentityHashMap<>();
        boolean sawMessageHeader;
        org.w3c.dom.Document envelope;

        List<StoredContent> storedFor(Map<String, String> attachment) {
            return stored.computeIfAbsent(attachment, a -> new ArrayList<>());
        }

        void addAttachment(Map<String, String> attachment) {
            attachments.add(attachment);
        }

        void leaf(String parent, String name, String value, Deque<String> path) {
            if ("MessageHeader".equals(name)) {
                sawMessageHeader = true;
                return;
            }
            if (parent == null) {
                return;
            }
            String grandParent = path.size() >= 2 ? path.toArray(String[]::new)[1] : null;
            switch (parent + "/" + name) {
                case "From/OrganId",
                        "From/OrganName",
                        "PromulgationInfo/Place",
                        "PromulgationInfo/PromulgationDate",
                        "DocumentType/Type",
                        "DocumentType/TypeName",
                        "SignerInfo/Competence",
                        "SignerInfo/Position",
                        "SignerInfo/FullName",
                        "OtherInfo/Priority",
                        "OtherInfo/SecurityLevel",
                        "Bussiness/BussinessDocType",
                        "Bussiness/BussinessDocReason",
                        "ResponseFor/DocumentId" -> header.put(parent + "/" + name, value);
                case "Code/CodeNumber", "Code/CodeNotation" -> {
                    if ("MessageHeader".equals(grandParent)) {
                        header.put(parent + "/" + name, value);
                    }
                }
                case "To/OrganId" -> recipients.add(value);
                case "MessageHeader/DocumentId",
                        "MessageHeader/Subject",
                        "MessageHeader/Content",
                        "MessageHeader/DueDate",
                        "MessageHeader/SteeringType" -> header.put(name, value);
                default -> {
                    // an element the axis does not keep
                }
            }
        }

        OutgoingDocument toDocument(String payloadSha256, StoredContent kept) {
            ExchangeDocument.Header h = new ExchangeDocument.Header(
                    blankToNull(header.get("DocumentId")),
                    blankToNull(header.get("Code/CodeNumber")),
                    blankToNull(header.get("Code/CodeNotation")),
                    integer("DocumentType/Type"),
                    blankToNull(header.get("DocumentType/TypeName")),
                    blankToNull(header.get("Subject")),
                    blankToNull(header.get("Content")),
                    blankToNull(header.get("PromulgationInfo/Place")),
                    date("PromulgationInfo/PromulgationDate"),
                    blankToNull(header.get("SignerInfo/Competence")),
                    blankToNull(header.get("SignerInfo/Position")),
                    blankToNull(header.get("SignerInfo/FullName")),
                    date("DueDate"),
                    urgency(),
                    integer("SteeringType"),
                    businessType(),
                    blankToNull(header.get("Bussiness/BussinessDocReason")),
                    blankToNull(header.get("ResponseFor/DocumentId")));
            List<IncomingAttachment> files = new ArrayList<>();
            for (Map<String, String> a : attachments) {
                List<StoredContent> content = stored.get(a);
                String contentId = blankToNull(a.get("ContentId"));
                if (content == null || content.size() != 1 || contentId == null) {
                    throw DomainException.invalid(
                            "exchange.attachment.incomplete",
                            "every Attachment needs one ContentId and one ContentTransferEncoded");
                }
                // Real clients name it cid:x in the manifest and x on the attachment (or the reverse).
                List<Map<String, String>> refs = references.stream()
                        .filter(r -> sameContentId(contentId, r.get("ContentId")))
                        .sorted(java.util.Comparator.comparing(r -> contentId.equals(r.get("ContentId")) ? 0 : 1))
                        .toList();
                String name = firstNonBlank(a.get("AttachmentName"), fromReferences(refs, "AttachmentName"));
                String type = firstNonBlank(a.get("ContentType"), fromReferences(refs, "ContentType"));
                files.add(new IncomingAttachment(
                        contentId,
                        name,
                        type == null ? "application/octet-stream" : type,
                        content.get(0),
                        fromReferences(refs, XmlSignatures.CONTENT_DIGEST)));
            }
            String sender = blankToNull(header.get("From/OrganId"));
            List<String> warnings = new ArrayList<>(HeaderFormats.warnings(h, sender));
            warnings.addAll(signatureWarnings(envelope));
            return new OutgoingDocument(
                    sender,
                    h,
                    List.copyOf(recipients),
                    blankToNull(header.get("OtherInfo/SecurityLevel")),
                    files,
                    payloadSha256,
                    envelope,
                    warnings,
                    kept);
        }

        /**
         * What a Signature element that cannot be verified looks like: the VNPT library writes one in
         * the edXML namespace (RSA-SHA1, certificate often cut short), some clients an empty one. Such
         * a document counts as unsigned; whether it is refused is the signature check's decision.
         */
        private static List<String> signatureWarnings(org.w3c.dom.Document envelope) {
            if (envelope == null) {
                return List.of();
            }
            java.util.Set<String> warnings = new java.util.LinkedHashSet<>();
            org.w3c.dom.NodeList all = envelope.getElementsByTagNameNS("*", "Signature");
            for (int i = 0; i < all.getLength(); i++) {
                org.w3c.dom.Element signature = (org.w3c.dom.Element) all.item(i);
                if (!javax.xml.crypto.dsig.XMLSignature.XMLNS.equals(signature.getNamespaceURI())) {
                    warnings.add(HeaderFormats.SIGNATURE_NOT_XMLDSIG);
                }
                if (!hasElementChild(signature)) {
                    warnings.add(HeaderFormats.SIGNATURE_EMPTY);
                }
            }
            return List.copyOf(warnings);
        }

        private static boolean hasElementChild(org.w3c.dom.Element element) {
            for (org.w3c.dom.Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeType() == org.w3c.dom.Node.ELEMENT_NODE) {
                    return true;
                }
            }
            return false;
        }

        private Integer integer(String key) {
            String value = blankToNull(header.get(key));
            if (value == null) {
                return null;
            }
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                throw DomainException.invalid(
                        "exchange.field.invalid", key + " must be a whole number, not '" + value + "'");
            }
        }

        private LocalDate date(String key) {
            String value = blankToNull(header.get(key));
            if (value == null) {
                return null;
            }
            try {
                return value.contains("/") ? LocalDate.parse(value, EDXML_DATE) : LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw DomainException.invalid(
                        "exchange.field.invalid", key + " must be a date yyyy/MM/dd, not '" + value + "'");
            }
        }

        private Urgency urgency() {
            Integer priority = integer("OtherInfo/Priority");
            if (priority == null) {
                return Urgency.NORMAL;
            }
            return Urgency.ofPriority(priority)
                    .orElseThrow(() -> DomainException.invalid(
                            "exchange.urgency.unknown",
                            "OtherInfo/Priority " + priority + " is not an urgency the axis knows (0 to 3)"));
        }

        private BusinessType businessType() {
            Integer code = integer("Bussiness/BussinessDocType");
            if (code == null) {
                return BusinessType.NEW;
            }
            return BusinessType.ofCode(code)
                    .orElseThrow(() -> DomainException.invalid(
                            "exchange.business-type.unknown",
                            "BussinessDocType " + code
                                    + " is not one of 0 (new), 1 (recall), 2 (update), 3 (replace)"));
        }

        private static String fromReferences(List<Map<String, String>> refs, String key) {
            return refs.stream()
                    .map(r -> blankToNull(r.get(key)))
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .orElse(null);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }

        private static String firstNonBlank(String a, String b) {
            return blankToNull(a) != null ? a : blankToNull(b);
        }
    }
}
