package vn.egov.exchange.infrastructure;

import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vn.egov.common.DomainException;
import vn.egov.exchange.application.StatusMessage;

/**
 * Reads an edXML status message (MessageHeader with From, ResponseFor, StaffInfo, StatusCode,
 * Description, Timestamp) into a {@link StatusMessage}. As safe as {@link EdxmlReader}: the JDK's
 * StAX parser with DTDs and entities refused, bounded depth and field length (the caller bounds
 * the size). Namespaces of elements are not checked below the root, as real clients prefix some and
 * not others. The Timestamp, {@code yyyy/MM/dd HH:mm:ss}, is Vietnam's time (UTC+7); one that does
 * not read is refused, since it is the only time the message states.
 */
public final class EdxmlStatusReader {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss");
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    private static final int MAX_TEXT = 4000;

    private final int maxDepth;
    private final XMLInputFactory factory;

    public EdxmlStatusReader(int maxDepth) {
        this.maxDepth = maxDepth;
        this.factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    }

    public StatusMessage read(InputStream in) {
        Map<String, String> fields = new HashMap<>();
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                parse(xml, fields);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            String message = e.getMessage() == null
                    ? "unreadable input"
                    : e.getMessage().lines().findFirst().orElse("");
            throw DomainException.invalid(
                    "exchange.xml.malformed",
                    "the status message is not well-formed XML: "
                            + (message.length() > 200 ? message.substring(0, 200) : message));
        }
        String status = fields.get("MessageHeader/StatusCode");
        String documentId = fields.get("ResponseFor/DocumentId");
        if (status == null || documentId == null) {
            throw DomainException.invalid(
                    "exchange.status.xml-incomplete",
                    "a status message needs MessageHeader/StatusCode and ResponseFor/DocumentId");
        }
        return new StatusMessage(
                fields.get("From/OrganId"),
                fields.get("From/OrganName"),
                documentId,
                fields.get("ResponseFor/OrganId"),
                fields.get("ResponseFor/Code"),
                status,
                fields.get("MessageHeader/Description"),
                timestamp(fields.get("MessageHeader/Timestamp")),
                fields.get("StaffInfo/Department"),
                fields.get("StaffInfo/Staff"),
                fields.get("StaffInfo/Email"),
                fields.get("StaffInfo/Mobile"));
    }

    private void parse(XMLStreamReader xml, Map<String, String> fields) throws XMLStreamException {
        Deque<String> path = new ArrayDeque<>();
        StringBuilder text = new StringBuilder();
        boolean sawRoot = false;
        while (xml.hasNext()) {
            switch (xml.next()) {
                case XMLStreamConstants.DTD ->
                    throw DomainException.invalid(
                            "exchange.xml.dtd-forbidden", "document type declarations are not accepted");
                case XMLStreamConstants.ENTITY_REFERENCE ->
                    throw DomainException.invalid(
                            "exchange.xml.entity-forbidden", "entity references are not accepted");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (!sawRoot) {
                        if (!"edXML".equals(xml.getLocalName())
                                || !EdxmlReader.NAMESPACE.equals(xml.getNamespaceURI())) {
                            throw DomainException.invalid(
                                    "exchange.edxml.root",
                                    "the root element must be edXML in namespace " + EdxmlReader.NAMESPACE);
                        }
                        sawRoot = true;
                    }
                    path.push(xml.getLocalName());
                    if (path.size() > maxDepth) {
                        throw DomainException.invalid(
                                "exchange.xml.too-deep", "elements nest deeper than " + maxDepth + " levels");
                    }
                    text.setLength(0);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                    if (text.length() > MAX_TEXT) {
                        throw DomainException.invalid(
                                "exchange.field.too-long",
                                "element " + path.peek() + " holds more than " + MAX_TEXT + " characters");
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    String name = path.pop();
                    String parent = path.peek();
                    String value = text.toString().strip();
                    text.setLength(0);
                    // Only the message header's own fields: a nested From or Code elsewhere is not the message's.
                    boolean inHeader = path.contains("MessageHeader");
                    if (parent != null && inHeader && !value.isEmpty()) {
                        fields.putIfAbsent(parent + "/" + name, value);
                    }
                }
                default -> {
                    // comments, processing instructions, document start and end
                }
            }
        }
    }

    private static OffsetDateTime timestamp(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value, TIMESTAMP).atOffset(VIETNAM);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(
                    "exchange.field.invalid", "Timestamp must read yyyy/MM/dd HH:mm:ss, not '" + value + "'");
        }
    }
}
