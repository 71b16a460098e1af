package vn.egov.security.application;

import java.io.Serial;
import java.time.LocalDate;

/**
 * A citizen or business signed in to the public portal through the identity provider (Keycloak,
 * brokering the national portal's sign-on). The name is the 12-digit personal id
 * ({@code SoDinhDanh}), the natural key of a citizen; the other fields are the claims the
 * identity provider vouched for, named after the national portal's userinfo claims.
 *
 * @param subject the identity provider's {@code sub}, kept for {@code MaDoiTuong} in dossier sync
 * @param accountType {@code LoaiTaiKhoan}: 1 citizen, 2 business (as the national portal sends it)
 * @param businessCode {@code MaSoDoanhNghiep}, for a business account, else null
 * @param assuranceLevel the level of assurance of this sign-in (1 = password), compared with what
 *     a procedure requires
 */
public class CitizenPrincipal extends EgovPrincipal {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String subject;
    private final String email;
    private final String phone;
    private final LocalDate birthDate;
    private final String gender;
    private final String accountType;
    private final String businessCode;
    private final int assuranceLevel;

    public CitizenPrincipal(
            String personalId,
            String fullName,
            String subject,
            String email,
            String phone,
            LocalDate birthDate,
            String gender,
            String accountType,
            String businessCode,
            int assuranceLevel) {
        super(personalId, Kind.CITIZEN, null, fullName);
        this.subject = subject;
        this.email = email;
        this.phone = phone;
        this.birthDate = birthDate;
        this.gender = gender;
        this.accountType = accountType;
        this.businessCode = businessCode;
        this.assuranceLevel = assuranceLevel;
    }

    /** {@code SoDinhDanh}. */
    public String personalId() {
        return getName();
    }

    /** {@code HoVaTen}. */
    public String fullName() {
        return getDisplayName();
    }

    public String subject() {
        return subject;
    }

    /** {@code ThuDienTu}. */
    public String email() {
        return email;
    }

    /** {@code SoDienThoai}. */
    public String phone() {
        return phone;
    }

    /** {@code NgayThangNamSinh}. */
    public LocalDate birthDate() {
        return birthDate;
    }

    /** {@code GioiTinh}. */
    public String gender() {
        return gender;
    }

    public String accountType() {
        return accountType;
    }

    public boolean isBusiness() {
        return "2".equals(accountType);
    }

    public String businessCode() {
        return businessCode;
    }

    public int assuranceLevel() {
        return assuranceLevel;
    }
}
