package vn.egov.portal.interfaces.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.egov.security.application.CitizenPrincipal;

class CitizenClaimsTest {

    private static final Map<String, Integer> LEVELS = AssuranceLevels.parse("LoA1=1,LoA2=2,1=1,0=1");

    private static Map<String, Object> businessOwnersToken() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "f3a1");
        claims.put("SoDinhDanh", "001190007788");
        claims.put("HoVaTen", "Lê Thị Hoa");
        claims.put("NgayThangNamSinh", "1990-02-20");
        claims.put("GioiTinh", 2);
        claims.put("SoDienThoai", "0243123456");
        claims.put("ThuDienTu", "hoa.le@business.example");
        claims.put("LoaiTaiKhoan", "2");
        claims.put("MaSoDoanhNghiep", "0101234567");
        claims.put("acr", "1");
        return claims;
    }

    @Test
    void theNationalClaimsMakeTheCitizen() throws Exception {
        CitizenPrincipal citizen = CitizenClaims.citizen(businessOwnersToken(), LEVELS);
        assertEquals("001190007788", citizen.personalId());
        assertEquals("001190007788", citizen.getName());
        assertEquals("Lê Thị Hoa", citizen.fullName());
        assertEquals("f3a1", citizen.subject());
        assertEquals(LocalDate.of(1990, 2, 20), citizen.birthDate());
        assertEquals("2", citizen.gender());
        assertEquals("hoa.le@business.example", citizen.email());
        assertTrue(citizen.isBusiness());
        assertEquals("0101234567", citizen.businessCode());
        assertEquals(1, citizen.assuranceLevel());
    }

    @Test
    void theNationalPortalsLevelOfAssuranceComesBeforeTheAcr() throws Exception {
        Map<String, Object> claims = businessOwnersToken();
        claims.put("loAs", "LoA2");
        assertEquals(2, CitizenClaims.citizen(claims, LEVELS).assuranceLevel());
        claims.put("loAs", "LoA9");
        assertEquals(0, CitizenClaims.citizen(claims, LEVELS).assuranceLevel(), "an unknown level is none");
    }

    @Test
    void aTokenWithoutATwelveDigitPersonalIdMakesNoCitizen() {
        Map<String, Object> claims = businessOwnersToken();
        claims.put("SoDinhDanh", "0011900077");
        assertThrows(CitizenClaims.Unusable.class, () -> CitizenClaims.citizen(claims, LEVELS));
        claims.remove("SoDinhDanh");
        assertThrows(CitizenClaims.Unusable.class, () -> CitizenClaims.citizen(claims, LEVELS));
    }

    @Test
    void datesAreReadInEitherFormAndAnUnreadableOneIsLeftOut() {
        assertEquals(LocalDate.of(1988, 5, 12), CitizenClaims.date("12/05/1988"));
        assertEquals(LocalDate.of(1988, 5, 12), CitizenClaims.date("1988-05-12"));
        assertNull(CitizenClaims.date("12.05.1988"));
    }

    @Test
    void aMisconfiguredLevelIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> AssuranceLevels.parse("LoA1=high"));
        assertEquals(Map.of(), AssuranceLevels.parse(""));
    }
}
