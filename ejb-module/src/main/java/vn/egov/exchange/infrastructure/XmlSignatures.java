package vn.egov.exchange.infrastructure;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import vn.egov.common.DomainException;
import vn.egov.common.application.CertificatePaths;

/**
 * Document signatures on the axis: a W3C XML Signature (enveloped, exclusive C14N, RSA-SHA256,
 * the signer's certificate in KeyInfo) over the {@code edXMLEnvelope}, placed in its
 * {@code edXMLHeader}. Attachments travel outside the envelope, so each manifest
 * {@code Reference} carries the SHA-256 of its file in a {@code ContentDigest} element, inside
 * what is signed. Exclusive canonicalisation makes the envelope's signature independent of the
 * package around it, which lets the axis verify it from the envelope alone, while the package
 * (attachments and all) streams past, never whole in memory.
 */
public final class XmlSignatures {

    public static final String CONTENT_DIGEST = "ContentDigest";

    /** What a check found: whether signed, whether valid (and why not), and by whom. */
    public record Result(boolean signed, boolean valid, X509Certificate signer, String problem) {
        static Result unsigned() {
            return new Result(false, false, null, null);
        }

        static Result invalid(String problem) {
            return new Result(true, false, null, problem);
        }
    }

    private XmlSignatures() {}

    /** Builds DOM trees in memory only (never parses), so one instance serves every thread. */
    private static final org.w3c.dom.DOMImplementation DOM = safeBuilder().getDOMImplementation();

    /** An empty DOM document, to build a tree into. */
    public static Document newDocument() {
        return DOM.createDocument(null, null, null);
    }

    /** A namespace-aware DOM builder that refuses any DTD, so no entity is ever expanded. */
    public static DocumentBuilder safeBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Signs a whole edXML package in place: records each attachment's digest in the manifest, then
     * signs the envelope. Any earlier signature and digests are replaced.
     */
    public static byte[] sign(byte[] edxml, PrivateKey key, X509Certificate certificate) {
        Document full;
        try {
            full = safeBuilder().parse(new ByteArrayInputStream(edxml));
        } catch (SAXException | IOException e) {
            throw DomainException.invalid("exchange.xml.malformed", "the package is not well-formed XML without a DTD");
        }
        Element root = full.getDocumentElement();
        if (!"edXML".equals(root.getLocalName()) || !EdxmlReader.NAMESPACE.equals(root.getNamespaceURI())) {
            throw DomainException.invalid(
                    "exchange.edxml.root", "the root element must be edXML in namespace " + EdxmlReader.NAMESPACE);
        }
        Element envelope = child(root, "edXMLEnvelope");
        Element header = envelope == null ? null : child(envelope, "edXMLHeader");
        if (header == null) {
            throw DomainException.invalid("exchange.edxml.header-missing", "the package has no edXMLHeader");
        }
        recordAttachmentDigests(full, envelope);
        for (Element old : elements(header, XMLSignature.XMLNS, "Signature")) {
            header.removeChild(old);
        }

        Document alone = newDocument();
        Element copy = (Element) alone.importNode(envelope, true);
        alone.appendChild(copy);
        declareInScopeNamespaces(envelope, copy);
        Element copyHeader = child(copy, "edXMLHeader");
        try {
            XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
            Reference reference = factory.newReference(
                    "",
                    factory.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(
                            factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                            factory.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                    null,
                    null);
            SignedInfo signedInfo = factory.newSignedInfo(
                    factory.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    factory.newSignatureMethod(SignatureMethod.RSA_SHA256, null),
                    List.of(reference));
            KeyInfoFactory keys = factory.getKeyInfoFactory();
            X509Data x509 = keys.newX509Data(
                    List.of(certificate.getSubjectX500Principal().getName(), certificate));
            KeyInfo keyInfo = keys.newKeyInfo(List.of(x509));
            factory.newXMLSignature(signedInfo, keyInfo).sign(new DOMSignContext(key, copyHeader));
        } catch (GeneralSecurityException
                | javax.xml.crypto.MarshalException
                | javax.xml.crypto.dsig.XMLSignatureException e) {
            throw new IllegalStateException("signing failed", e);
        }
        Element signature =
                elements(copyHeader, XMLSignature.XMLNS, "Signature").get(0);
        header.appendChild(full.importNode(signature, true));
        return serialise(full);
    }

    private static void recordAttachmentDigests(Document full, Element envelope) {
        Map<String, String> digests = new HashMap<>();
        NodeList attachments = full.getDocumentElement().getElementsByTagNameNS("*", "Attachment");
        for (int i = 0; i < attachments.getLength(); i++) {
            Element attachment = (Element) attachments.item(i);
            Element id = child(attachment, "ContentId");
            Element content = child(attachment, "ContentTransferEncoded");
            if (id != null && content != null) {
                byte[] bytes;
                try {
                    bytes = Base64.getMimeDecoder()
                            .decode(content.getTextContent().strip());
                } catch (IllegalArgumentException e) {
                    throw DomainException.invalid("exchange.attachment.base64", "an attachment is not valid base64");
                }
                digests.put(id.getTextContent().strip(), sha256(bytes));
            }
        }
        Element body = child(envelope, "edXMLBody");
        if (body == null) {
            body = (Element)
                    envelope.appendChild(full.createElementNS(EdxmlReader.NAMESPACE, prefixed(envelope, "edXMLBody")));
        }
        Element manifest = child(body, "edXMLManifest");
        if (manifest == null) {
            manifest = (Element)
                    body.appendChild(full.createElementNS(EdxmlReader.NAMESPACE, prefixed(envelope, "edXMLManifest")));
            manifest.setAttribute("version", "1.0");
        }
        Map<String, Element> references = new HashMap<>();
        for (Element reference : elements(manifest, null, "Reference")) {
            Element id = child(reference, "ContentId");
            if (id != null) {
                references.putIfAbsent(EdxmlReader.withoutCid(id.getTextContent()), reference);
            }
            for (Element old : elements(reference, null, CONTENT_DIGEST)) {
                reference.removeChild(old);
            }
        }
        for (Map.Entry<String, String> digest : digests.entrySet()) {
            Element reference = references.get(EdxmlReader.withoutCid(digest.getKey()));
            if (reference == null) {
                reference = (Element) manifest.appendChild(
                        full.createElementNS(EdxmlReader.NAMESPACE, prefixed(envelope, "Reference")));
                Element id = (Element) reference.appendChild(
                        full.createElementNS(EdxmlReader.NAMESPACE, prefixed(envelope, "ContentId")));
                id.setTextContent(digest.getKey());
            }
            Element value = full.createElementNS(EdxmlReader.NAMESPACE, prefixed(envelope, CONTENT_DIGEST));
            value.setTextContent(digest.getValue());
            reference.appendChild(value);
        }
    }

    private static String prefixed(Element like, String local) {
        return like.getPrefix() == null ? local : like.getPrefix() + ":" + local;
    }

    /** Copies the namespace declarations in scope at {@code original} onto its detached {@code copy}. */
    private static void declareInScopeNamespaces(Element original, Element copy) {
        for (Node n = original.getParentNode(); n instanceof Element ancestor; n = n.getParentNode()) {
            NamedNodeMap attributes = ancestor.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())
                        && !copy.hasAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, attribute.getLocalName())) {
                    copy.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, attribute.getName(), attribute.getValue());
                }
            }
        }
    }

    /**
     * Verifies the signature of an envelope (a document whose root is {@code edXMLEnvelope}) and
     * its signer's certificate against the trust anchors.
     */
    public static Result verify(Document envelope, Set<TrustAnchor> anchors) {
        NodeList signatures = envelope.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        if (signatures.getLength() == 0) {
            return Result.unsigned();
        }
        if (signatures.getLength() > 1) {
            return Result.invalid("more than one signature");
        }
        CertificateKeySelector selector = new CertificateKeySelector();
        try {
            DOMValidateContext context = new DOMValidateContext(selector, signatures.item(0));
            context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            XMLSignature signature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
            List<?> references = signature.getSignedInfo().getReferences();
            if (references.size() != 1 || !"".equals(((Reference) references.get(0)).getURI())) {
                return Result.invalid("the signature must cover the whole envelope (one Reference, URI \"\")");
            }
            if (!signature.validate(context)) {
                return Result.invalid("the signature does not match the envelope: it was changed after signing");
            }
        } catch (javax.xml.crypto.MarshalException | javax.xml.crypto.dsig.XMLSignatureException e) {
            return Result.invalid("the signature cannot be checked: " + e.getMessage());
        }
        X509Certificate signer = selector.certificate;
        CertificatePaths.Verdict chain = CertificatePaths.verify(signer, List.of(), anchors, java.time.Instant.now());
        if (!chain.trusted()) {
            return new Result(
                    true,
                    false,
                    signer,
                    chain.problem() == CertificatePaths.Problem.UNTRUSTED
                            ? chain.detail()
                            : "the signer's certificate is not accepted: " + chain.detail());
        }
        return new Result(true, true, signer, null);
    }

    /** Takes the key from the certificate in KeyInfo, and keeps the certificate for the chain check. */
    private static final class CertificateKeySelector extends KeySelector {
        X509Certificate certificate;

        @Override
        public KeySelectorResult select(
                KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method, XMLCryptoContext context)
                throws KeySelectorException {
            if (keyInfo != null) {
                for (Object item : keyInfo.getContent()) {
                    if (item instanceof X509Data data) {
                        for (Object entry : data.getContent()) {
                            if (entry instanceof X509Certificate found) {
                                certificate = found;
                                Key key = found.getPublicKey();
                                return () -> key;
                            }
                        }
                    }
                }
            }
            throw new KeySelectorException("the signature carries no X.509 certificate");
        }
    }

    static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> elements(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e
                    && localName.equals(e.getLocalName())
                    && (namespace == null || namespace.equals(e.getNamespaceURI()))) {
                found.add(e);
            }
        }
        return found;
    }

    static String sha256(byte[] bytes) {
        return vn.egov.common.Digests.sha256Hex(bytes);
    }

    private static byte[] serialise(Document document) {
        try {
            Transformer transformer = TransformerFactory.newDefaultInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, StandardCharsets.UTF_8.name());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }
}
