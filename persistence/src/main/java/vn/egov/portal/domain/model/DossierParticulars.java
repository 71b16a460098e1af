package vn.egov.portal.domain.model;

/**
 * What a dossier says about itself and its applicant, as the national sync record carries it
 * ({@code DongBoHoSoMC}): the values that are checked once, then stored as they are.
 *
 * @param procedureCode {@code MaTTHC}
 * @param procedureName {@code TenTTHC}
 * @param fieldCode {@code MaLinhVuc}
 * @param fieldName {@code TenLinhVuc}
 * @param applicantType {@code LoaiDoiTuong}: 1 citizen, 2 business
 * @param applicantId the applicant's personal id ({@code SoDinhDanh}) or business code, null when unknown
 * @param applicantName {@code ChuHoSo}, may be null in sync
 * @param applicantSubject {@code MaDoiTuong}, the applicant's portal account, may be null
 * @param email {@code Email}
 * @param phone {@code SoDienThoai}
 * @param summary {@code TrichYeuHoSo}
 * @param agencyCode the receiving agency's directory code
 * @param handlingUnit {@code DonViXuLy}
 * @param channel {@code KENH}: 1 in person, 2 online, 3 postal
 * @param delivery {@code HinhThuc}: 0 result at the desk, 1 by post
 */
public record DossierParticulars(
        String procedureCode,
        String procedureName,
        String fieldCode,
        String fieldName,
        int applicantType,
        String applicantId,
        String applicantName,
        String applicantSubject,
        String email,
        String phone,
        String summary,
        String agencyCode,
        String handlingUnit,
        int channel,
        int delivery) {}
