package vn.egov.portal.application;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.egov.common.DomainException;

/**
 * What a file the applicant uploads for a component may be: one of the accepted types
 * ({@code egov.portal.dossier.component-types}), at most {@code egov.portal.dossier.max-component-bytes},
 * and its first bytes must be those of the type it declares — a renamed executable is not a PDF.
 */
public final class ComponentFiles {

    /** The signature (first bytes) of each type we know how to recognise. */
    private static final Map<String, byte[][]> SIGNATURES = Map.of(
            "application/pdf", new byte[][] {"%PDF-".getBytes(StandardCharsets.US_ASCII)},
            "image/jpeg", new byte[][] {{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}},
            "image/png", new byte[][] {{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}},
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", new byte[][] {{'P', 'K', 3, 4}});

    /** How many leading bytes {@link #check} needs to see. */
    public static final int HEAD_BYTES = 16;

    private final Set<String> accepted;
    private final long maxBytes;

    public ComponentFiles(Set<String> accepted, long maxBytes) {
        for (String type : accepted) {
            if (!SIGNATURES.containsKey(type)) {
                throw new IllegalArgumentException("no known signature for the component type " + type);
            }
        }
        this.accepted = Set.copyOf(accepted);
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Set<String> accepted() {
        return accepted;
    }

    /**
     * The declared type, normalised (lower case, parameters dropped), when it is accepted and the
     * file's first bytes match it; otherwise 400 {@code portal.component.type-refused} or
     * {@code portal.component.content-mismatch}, or {@code portal.component.empty}.
     */
    public String check(String declaredType, byte[] head, int headLength) {
        String type = normalise(declaredType);
        if (!accepted.contains(type)) {
            throw DomainException.invalid(
                    "portal.component.type-refused",
                    "a component may be "
                            + String.join(", ", accepted.stream().sorted().toList()) + ", not " + declaredType);
        }
        if (headLength <= 0) {
            throw DomainException.invalid("portal.component.empty", "a component file is empty");
        }
        for (byte[] signature : SIGNATURES.get(type)) {
            if (headLength >= signature.length
                    && Arrays.equals(head, 0, signature.length, signature, 0, signature.length)) {
                return type;
            }
        }
        throw DomainException.invalid(
                "portal.component.content-mismatch", "the file's content is not " + type + " as declared");
    }

    static String normalise(String declared) {
        if (declared == null) {
            return "";
        }
        int semicolon = declared.indexOf(';');
        return (semicolon < 0 ? declared : declared.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
    }
}
