package vn.egov.exchange.application;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.egov.exchange.domain.model.ExchangeDocument;

/**
 * The formats the axis expects of a document's identifiers and numbers, and the warnings an edXML
 * document gets when a real client wrote them otherwise. A JSON send is our own API's and must keep
 * the formats (the service refuses); an edXML package comes from software the axis does not control
 * (the VNPT EdXML library and the clients built on it write a DocumentId naming another agency,
 * CodeNumbers such as {@code 74fass22}, free-text notations, a due date before the promulgation
 * date), so it is accepted and these warning codes are stored with it for the recipient to see.
 * Nothing here touches what protects the recipient: agency codes, sizes, XML safety and signatures
 * stay strict.
 */
public final class HeaderFormats {

    /** DocumentId does not read {@code <sender code>,<yyyy/MM/dd>,<number/notation>} for this sender. */
    public static final String DOCUMENT_ID_NONSTANDARD = "edxml.document-id.nonstandard";
    /** CodeNumber is not 1 to 11 digits (longer, or not a number). */
    public static final String CODE_NUMBER_NONSTANDARD = "edxml.code-number.nonstandard";
    /** CodeNotation does not read like {@code UBND-VP} or {@code QĐ-UBND}. */
    public static final String NOTATION_FREE_TEXT = "edxml.notation.free-text";
    /** DueDate is before PromulgationDate. */
    public static final String DUE_BEFORE_ISSUE = "edxml.due-date.before-promulgation";
    /** A Signature element outside the XML-DSig namespace: not verifiable, the document counts as unsigned. */
    public static final String SIGNATURE_NOT_XMLDSIG = "edxml.signature.not-xmldsig";
    /** A Signature element with nothing in it: the document counts as unsigned. */
    public static final String SIGNATURE_EMPTY = "edxml.signature.empty";

    static final Pattern NOTATION = Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N}./&]*(-[\\p{L}\\p{N}./&]+)+$");
    static final Pattern NUMBER = Pattern.compile("^\\d{1,11}$");

    /** The longest CodeNumber and CodeNotation an edXML document may carry (the columns' sizes). */
    public static final int MAX_TOLERATED_NUMBER = 50;

    public static final int MAX_TOLERATED_NOTATION = 100;

    private HeaderFormats() {}

    /** The warnings for a header said to come from {@code sender}; empty when every format is kept. */
    public static List<String> warnings(ExchangeDocument.Header h, String sender) {
        List<String> warnings = new ArrayList<>();
        if (h.documentId() != null && (sender == null || !h.documentId().startsWith(sender + ","))) {
            warnings.add(DOCUMENT_ID_NONSTANDARD);
        }
        if (h.codeNumber() != null && !NUMBER.matcher(h.codeNumber()).matches()) {
            warnings.add(CODE_NUMBER_NONSTANDARD);
        }
        if (h.codeNotation() != null && !NOTATION.matcher(h.codeNotation()).matches()) {
            warnings.add(NOTATION_FREE_TEXT);
        }
        if (h.dueDate() != null && h.promulgationDate() != null && h.dueDate().isBefore(h.promulgationDate())) {
            warnings.add(DUE_BEFORE_ISSUE);
        }
        return warnings;
    }

    /** Two lists of warnings as one, each code once, in order. */
    public static List<String> merge(List<String> first, List<String> second) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
