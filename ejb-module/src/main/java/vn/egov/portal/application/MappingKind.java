package vn.egov.portal.application;

import java.util.Locale;
import java.util.Optional;

/**
 * Which local ↔ national code mapping (PORTAL-SHARING.md A.2, the three tables OpenCPS keeps):
 * procedures ({@code MaTTHC}), dictionary items for fields ({@code MaLinhVuc}) and agencies
 * ({@code madonvi}), and statuses ({@code TrangThaiHoSo}, 1–10). The table and its discriminator are
 * fixed here, never taken from a request.
 */
public enum MappingKind {
    PROCEDURE("portal_procedure_mapping", null, 50),
    FIELD("portal_dict_mapping", "FIELD", 50),
    AGENCY("portal_dict_mapping", "AGENCY", 20),
    STATUS("portal_status_mapping", null, 2);

    private final String table;
    private final String dictionary;
    private final int nationalLength;

    MappingKind(String table, String dictionary, int nationalLength) {
        this.table = table;
        this.dictionary = dictionary;
        this.nationalLength = nationalLength;
    }

    String table() {
        return table;
    }

    /** The {@code kind} column's value in the dictionary table; null for the other tables. */
    String dictionary() {
        return dictionary;
    }

    int nationalLength() {
        return nationalLength;
    }

    /** The kind a path names ({@code procedure}, {@code field}, {@code agency}, {@code status}). */
    public static Optional<MappingKind> named(String name) {
        for (MappingKind kind : values()) {
            if (kind.name().toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
