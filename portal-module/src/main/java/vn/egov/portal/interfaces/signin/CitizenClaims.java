package vn.egov.portal.interfaces.signin;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;
import vn.egov.security.application.CitizenPrincipal;

/**
 * The citizen an ID token vouches for, from the national portal's claims (named as its userinfo names them:
 * {@code SoDinhDanh}, {@code HoVaTen}, {@code NgayThangNamSinh}, {@code GioiTinh}, {@code SoDienThoai},
 * {@code ThuDienTu}, {@code LoaiTaiKhoan}, {@code MaSoDoanhNghiep}, {@code loAs}) and the standard ones ({@code sub},
 * {@code name}, {@code email}, {@code acr}). A sign-in without a valid 12-digit personal id is refused: it is the
 * citizen's natural key everywhere in the platform.
 */
final class CitizenClaims {

    private static final Pattern PERSONAL_ID = Pattern.compile("\\d{12}");
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private CitizenClaims() {}

    /** Why a token's claims make no citizen. */
    static final class Unusable extends Exception {
        Unusable(String message) {
            super(message);
        }
    }

    static CitizenPrincipal citizen(Map<String, Object> claims, Map<String, Integer> assuranceLevels) throws Unusable {
        String personalId = text(claims, "SoDinhDanh");
        if (personalId == null || !PERSONAL_ID.matcher(personalId).matches()) {
            throw new Unusable("the ID token has no 12-digit SoDinhDanh");
        }
        String fullName = first(text(claims, "HoVaTen"), text(claims, "name"));
        return new CitizenPrincipal(
                personalId,
                fullName,
                text(claims, "sub"),
                first(text(claims, "ThuDienTu"), text(claims, "email")),
                text(claims, "SoDienThoai"),
                date(text(claims, "NgayThangNamSinh")),
                text(claims, "GioiTinh"),
                first(text(claims, "LoaiTaiKhoan"), "1"),
                text(claims, "MaSoDoanhNghiep"),
                AssuranceLevels.of(assuranceLevels, text(claims, "loAs"), text(claims, "acr")));
    }

    /** A claim as text (the national portal sends some as numbers), or null when absent or blank. */
    private static String text(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value).strip();
        return text.isEmpty() ? null : text;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    /** {@code 1988-05-12} or {@code 12/05/1988}; an unreadable date is left out rather than refusing the sign-in. */
    static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        try {
            return text.contains("/") ? LocalDate.parse(text, VIETNAMESE_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
