package vn.egov.exchange.interfaces.rest;

import java.util.List;

/**
 * A document sent as JSON: the same fields as the edXML header, attachments base64 in
 * {@code content}. Dates are ISO (yyyy-MM-dd); urgency is NORMAL, URGENT, VERY_URGENT or FLASH.
 */
public class SendRequest {
    public String from;
    public String documentId;
    public String codeNumber;
    public String codeNotation;
    public Integer typeCode;
    public String typeName;
    public String subject;
    public String content;
    public String promulgationPlace;
    public String promulgationDate;
    public Signer signer;
    public String dueDate;
    public String urgency;
    public Integer steeringType;
    public String businessType;
    public String businessReason;
    public String responseFor;
    public String confidentiality;
    public List<String> to;
    public List<Attachment> attachments;

    /** Who signed, and in what capacity (KT., TL., TUQ. …). */
    public static class Signer {
        public String competence;
        public String position;
        public String fullName;
    }

    public static class Attachment {
        public String contentId;
        public String name;
        public String contentType;
        public String content;
    }
}
