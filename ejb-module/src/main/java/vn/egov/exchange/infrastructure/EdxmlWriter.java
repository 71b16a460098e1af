package vn.egov.exchange.infrastructure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import vn.egov.exchange.domain.model.ExchangeAttachment;
import vn.egov.exchange.domain.model.ExchangeDocument;
import vn.egov.exchange.domain.model.StatusEntry;

/**
 * Writes the edXML the VPCP transport hands out when there is no package as sent to hand out: a
 * status message for every status change (what the real axis delivers to the other side), and the
 * package of a document that was sent as JSON (unsigned: the JSON send carried no signature). Both
 * in the shape {@link EdxmlReader} and {@link EdxmlStatusReader} read.
 */
public final class EdxmlWriter {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss");
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private EdxmlWriter() {}

    /** The names the message needs besides the entry: the reporting agency's and the document's. */
    public record Names(String fromCode, String fromName) {}

    /** The status message announcing one status change. */
    public static byte[] status(StatusEntry entry, Names from) {
        ExchangeDocument document = entry.getDelivery().getDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try {
            XMLStreamWriter xml = start(out);
            xml.writeStartElement("edXML", "edXMLHeader", EdxmlReader.NAMESPACE);
            xml.writeStartElement("edXML", "MessageHeader", EdxmlReader.NAMESPACE);
            xml.writeStartElement("edXML", "From", EdxmlReader.NAMESPACE);
            leaf(xml, "OrganId", from.fromCode());
            leaf(xml, "OrganName", from.fromName());
            xml.writeEndElement();
            xml.writeStartElement("edXML", "ResponseFor", EdxmlReader.NAMESPACE);
            leaf(xml, "OrganId", document.getSenderCode());
            leaf(xml, "Code", document.notation());
            leaf(xml, "PromulgationDate", DATE.format(document.getPromulgationDate()));
            leaf(xml, "DocumentId", document.getDocumentId());
            xml.writeEndElement();
            xml.writeStartElement("edXML", "StaffInfo", EdxmlReader.NAMESPACE);
            leaf(xml, "Department", entry.getStaffDepartment());
            leaf(xml, "Staff", entry.getStaffName() != null ? entry.getStaffName() : entry.getRecordedBy());
            leaf(xml, "Mobile", entry.getStaffMobile());
            leaf(xml, "Email", entry.getStaffEmail());
            xml.writeEndElement();
            leaf(xml, "StatusCode", entry.getCode());
            leaf(xml, "Description", entry.getDescription());
            leaf(xml, "Timestamp", TIMESTAMP.format(vietnam(entry.getRecordedAt())));
            xml.writeEndElement();
            xml.writeEndElement();
            end(xml);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a status message", e);
        }
        return out.toByteArray();
    }

    /** A document sent as JSON, as an unsigned edXML package with its attachments. */
    public static byte[] document(
            ExchangeDocument d, java.util.List<String> recipients, Function<String, InputStream> open) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            XMLStreamWriter xml = start(out);
            xml.writeStartElement("edXML", "edXMLHeader", EdxmlReader.NAMESPACE);
            xml.writeStartElement("edXML", "MessageHeader", EdxmlReader.NAMESPACE);
            xml.writeStartElement("edXML", "From", EdxmlReader.NAMESPACE);
            leaf(xml, "OrganId", d.getSenderCode());
            leaf(xml, "OrganName", d.getSenderName());
            xml.writeEndElement();
            for (String to : recipients) {
                xml.writeStartElement("edXML", "To", EdxmlReader.NAMESPACE);
                leaf(xml, "OrganId", to);
                xml.writeEndElement();
            }
            leaf(xml, "DocumentId", d.getDocumentId());
            xml.writeStartElement("edXML", "Code", EdxmlReader.NAMESPACE);
            leaf(xml, "CodeNumber", d.getCodeNumber());
            leaf(xml, "CodeNotation", d.getCodeNotation());
            xml.writeEndElement();
            xml.writeStartElement("edXML", "PromulgationInfo", EdxmlReader.NAMESPACE);
            leaf(xml, "Place", d.getPromulgationPlace());
            leaf(xml, "PromulgationDate", DATE.format(d.getPromulgationDate()));
            xml.writeEndElement();
            xml.writeStartElement("edXML", "DocumentType", EdxmlReader.NAMESPACE);
            leaf(xml, "Type", d.getTypeCode() == null ? null : d.getTypeCode().toString());
            leaf(xml, "TypeName", d.getTypeName());
            xml.writeEndElement();
            leaf(xml, "Subject", d.getSubject());
            leaf(xml, "Content", d.getContent());
            xml.writeStartElement("edXML", "SignerInfo", EdxmlReader.NAMESPACE);
            leaf(xml, "Competence", d.getSignerCompetence());
            leaf(xml, "Position", d.getSignerPosition());
            leaf(xml, "FullName", d.getSignerName());
            xml.writeEndElement();
            leaf(xml, "DueDate", d.getDueDate() == null ? null : DATE.format(d.getDueDate()));
            xml.writeStartElement("edXML", "OtherInfo", EdxmlReader.NAMESPACE);
            leaf(xml, "Priority", Integer.toString(d.getUrgency().priority()));
            xml.writeEndElement();
            leaf(
                    xml,
                    "SteeringType",
                    d.getSteeringType() == null ? null : d.getSteeringType().toString());
            xml.writeEndElement(); // MessageHeader
            xml.writeStartElement("edXML", "TraceHeaderList", EdxmlReader.NAMESPACE);
            xml.writeStartElement("edXML", "Bussiness", EdxmlReader.NAMESPACE);
            leaf(xml, "BussinessDocType", Integer.toString(d.getBusinessType().code()));
            leaf(xml, "BussinessDocReason", d.getBusinessReason());
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement(); // edXMLHeader
            xml.writeStartElement("edXML", "edXMLBody", EdxmlReader.NAMESPACE);
            xml.writeStartElement("edXML", "edXMLManifest", EdxmlReader.NAMESPACE);
            xml.writeAttribute("version", "1.0");
            for (ExchangeAttachment a : d.getAttachments()) {
                xml.writeStartElement("edXML", "Reference", EdxmlReader.NAMESPACE);
                leaf(xml, "ContentId", a.getContentId());
                leaf(xml, "ContentType", a.getContentType());
                leaf(xml, "AttachmentName", a.getName());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement(); // edXMLEnvelope
            xml.writeStartElement("AttachmentEncoded");
            for (ExchangeAttachment a : d.getAttachments()) {
                xml.writeStartElement("Attachment");
                plain(xml, "ContentId", a.getContentId());
                plain(xml, "AttachmentName", a.getName());
                plain(xml, "ContentType", a.getContentType());
                xml.writeStartElement("ContentTransferEncoded");
                xml.writeCharacters("");
                xml.flush();
                try (InputStream in = open.apply(a.getSha256());
                        OutputStream base64 = java.util.Base64.getMimeEncoder().wrap(unclosable(out))) {
                    in.transferTo(base64);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a document package", e);
        }
        return out.toByteArray();
    }

    private static OutputStream unclosable(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private static XMLStreamWriter start(OutputStream out) throws XMLStreamException {
        XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.setPrefix("edXML", EdxmlReader.NAMESPACE);
        xml.writeStartElement("edXML", "edXML", EdxmlReader.NAMESPACE);
        xml.writeNamespace("edXML", EdxmlReader.NAMESPACE);
        xml.writeStartElement("edXML", "edXMLEnvelope", EdxmlReader.NAMESPACE);
        return xml;
    }

    private static void end(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeEndElement(); // edXMLEnvelope
        xml.writeEndElement(); // edXML
        xml.writeEndDocument();
        xml.close();
    }

    private static void leaf(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        xml.writeStartElement("edXML", name, EdxmlReader.NAMESPACE);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void plain(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static OffsetDateTime vietnam(OffsetDateTime at) {
        return at.withOffsetSameInstant(ZoneOffset.ofHours(7));
    }
}
