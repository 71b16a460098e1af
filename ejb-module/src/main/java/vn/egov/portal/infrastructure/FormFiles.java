package vn.egov.portal.infrastructure;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds of file a form template may be (PDF, Word, OpenDocument text), each recognised by its
 * first bytes: a template is served to anyone, so it must be what its type says, never a page or a
 * script with a document's name.
 */
public final class FormFiles {

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };

    /** Allowed types and the signature their content starts with. */
    private static final Map<String, byte[]> TYPES = Map.of(
            "application/pdf", PDF,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP,
            "application/msword", OLE,
            "application/vnd.oasis.opendocument.text", ZIP);

    private static final Map<String, String> BY_EXTENSION = Map.of(
            "pdf", "application/pdf",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "doc", "application/msword",
            "odt", "application/vnd.oasis.opendocument.text");

    private FormFiles() {}

    /** The declared type without parameters, lower-cased, when it is one a template may be. */
    public static Optional<String> allowedType(String declared) {
        if (declared == null) {
            return Optional.empty();
        }
        String bare = declared.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return TYPES.containsKey(bare) ? Optional.of(bare) : Optional.empty();
    }

    /** The type a file name's extension names, when it is one a template may be. */
    public static Optional<String> typeOfName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0
                ? Optional.empty()
                : Optional.ofNullable(
                        BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    /** Whether the content starts as a file of that (allowed) type does. */
    public static boolean matches(String type, byte[] content) {
        byte[] magic = TYPES.get(type);
        return magic != null
                && content.length >= magic.length
                && Arrays.equals(Arrays.copyOf(content, magic.length), magic);
    }
}
