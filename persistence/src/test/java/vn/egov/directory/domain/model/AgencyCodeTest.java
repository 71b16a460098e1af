package vn.egov.directory.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.egov.common.DomainException;

class AgencyCodeTest {

    @Test
    void governmentOfficeIsALevelOneUnitOfTheGovernmentGroup() {
        AgencyCode code = AgencyCode.parse("000.00.00.G22");
        assertEquals(1, code.depth());
        assertEquals('G', code.groupLetter());
        assertEquals("G22", code.topGroup());
    }

    @Test
    void depthCountsTheGroupsSetFromTheRight() {
        assertEquals(2, AgencyCode.parse("000.00.01.H41").depth());
        assertEquals(3, AgencyCode.parse("000.01.20.H41").depth());
        assertEquals(4, AgencyCode.parse("003.01.20.H41").depth());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "G22",
                "000.00.00.g22",
                "000.00.00.G2",
                "00.00.00.G22",
                "000.00.00.22G",
                "000-00-00-G22",
                "000.00.00.G22 ",
                "999.010.01.H22",
                "H37.DN.001"
            })
    void malformedCodesAreRefusedWithAStableCode(String value) {
        DomainException refused = assertThrows(DomainException.class, () -> AgencyCode.parse(value));
        assertEquals("agency.code.invalid", refused.code());
        assertEquals(DomainException.Kind.INVALID, refused.kind());
    }

    @Test
    void nullIsRefusedLikeAnyMalformedCode() {
        assertEquals(
                "agency.code.invalid",
                assertThrows(DomainException.class, () -> AgencyCode.parse(null))
                        .code());
    }

    @Test
    void aUnitCannotSitBelowAnEmptyLevel() {
        assertThrows(DomainException.class, () -> AgencyCode.parse("000.01.00.H41"));
        assertThrows(DomainException.class, () -> AgencyCode.parse("001.00.00.H41"));
    }

    @Test
    void aChildExtendsItsParentByExactlyOneLevel() {
        AgencyCode province = AgencyCode.parse("000.00.00.H41");
        AgencyCode city = AgencyCode.parse("000.00.20.H41");
        AgencyCode ward = AgencyCode.parse("000.01.20.H41");
        assertTrue(city.isChildOf(province));
        assertTrue(ward.isChildOf(city));
        assertFalse(ward.isChildOf(province), "two levels down is a grandchild");
        assertFalse(AgencyCode.parse("000.00.20.H30").isChildOf(province), "another province's unit");
        assertFalse(AgencyCode.parse("000.01.21.H41").isChildOf(city), "another district's ward");
        assertFalse(province.isChildOf(province));
    }

    @Test
    void subtreeMembershipFollowsTheGroups() {
        AgencyCode province = AgencyCode.parse("000.00.00.H41");
        assertTrue(AgencyCode.parse("000.01.20.H41").isWithin(province));
        assertTrue(province.isWithin(province));
        assertFalse(AgencyCode.parse("000.01.20.H42").isWithin(province));
        assertFalse(province.isWithin(AgencyCode.parse("000.00.20.H41")));
    }
}
