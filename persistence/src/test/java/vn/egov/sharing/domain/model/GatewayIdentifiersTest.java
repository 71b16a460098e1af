package vn.egov.sharing.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** X-Road-Client headers and service paths as consumers send them, well and badly. */
class GatewayIdentifiersTest {

    @Test
    void clientHeaderNamesASubsystemOfAnAgency() {
        SubsystemId id = SubsystemId.parse("VN/GOV/000.00.00.H41/MOTCUA");
        assertEquals("VN", id.instance());
        assertEquals("GOV", id.memberClass());
        assertEquals("000.00.00.H41", id.memberCode());
        assertEquals("MOTCUA", id.subsystemCode());
        assertEquals("VN/GOV/000.00.00.H41/MOTCUA", id.toString());
    }

    @Test
    void clientHeaderWithoutSubsystemOrWithStrangeCharactersIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SubsystemId.parse(null));
        assertThrows(IllegalArgumentException.class, () -> SubsystemId.parse(" "));
        assertThrows(IllegalArgumentException.class, () -> SubsystemId.parse("VN/GOV/000.00.00.H41"));
        assertThrows(IllegalArgumentException.class, () -> SubsystemId.parse("VN/GOV/000.00.00.H41/MOTCUA/x"));
        assertThrows(IllegalArgumentException.class, () -> SubsystemId.parse("VN/GOV//MOTCUA"));
        assertThrows(IllegalArgumentException.class, () -> SubsystemId.parse("VN/GOV/000.00.00.H41/MOT CUA"));
        assertThrows(IllegalArgumentException.class, () -> SubsystemId.parse("VN/GOV/000.00.00.H41/MOT\u0000"));
        assertThrows(IllegalArgumentException.class, () -> SubsystemId.parse("VN/GOV/000.00.00.H41/a:b"));
        assertThrows(IllegalArgumentException.class, () -> SubsystemId.parse("VN/GOV/000.00.00.H41/" + "x".repeat(65)));
    }

    @Test
    void servicePathKeepsTheRemainderRawForTheProvider() {
        ServicePath path = ServicePath.parse("VN/GOV/000.00.00.G12/HOTICH/hoTich/apiHoTichTuPhap/tra%20cuu");
        assertEquals("VN/GOV/000.00.00.G12/HOTICH", path.provider().toString());
        assertEquals("hoTich", path.serviceCode());
        assertEquals("/apiHoTichTuPhap/tra%20cuu", path.rest());
        assertEquals("VN/GOV/000.00.00.G12/HOTICH/hoTich", path.serviceId());
        assertFalse(path.isMetaservice());
        assertEquals("", ServicePath.parse("VN/GOV/000.00.00.G12/HOTICH/hoTich").rest());
        assertEquals(
                "/", ServicePath.parse("VN/GOV/000.00.00.G12/HOTICH/hoTich/").rest());
    }

    @Test
    void partsArePercentDecodedOneByOne() {
        assertEquals(
                "000.00.00.G12",
                ServicePath.parse("VN/GOV/000%2E00.00.G12/HOTICH/hoTich")
                        .provider()
                        .memberCode());
        assertTrue(ServicePath.parse("VN/GOV/000.00.00.G12/HOTICH/listMethods").isMetaservice());
    }

    @Test
    void pathsThatClimbOutOrHideCharactersAreRefused() {
        for (String bad : new String[] {
            "",
            "VN/GOV/000.00.00.G12/HOTICH",
            "VN/GOV/000.00.00.G12/HOTICH/hoTich/../admin",
            "VN/GOV/000.00.00.G12/HOTICH/hoTich/a/%2e%2e/b",
            "VN/GOV/000.00.00.G12/HOTICH/hoTich/a%2Fb",
            "VN/GOV/000.00.00.G12/HOTICH/hoTich/a%5Cb",
            "VN/GOV/000.00.00.G12/HOTICH/hoTich/a%00b",
            "VN/GOV/000.00.00.G12/HOTICH/hoTich/a%0Ab",
            "VN/GOV/000.00.00.G12/HOTICH/hoTich/a%C2%85b",
            "VN/GOV/000.00.00.G12/HOTICH/hoTich/a%ZZ",
            "VN/GOV/000.00.00.G12/HOTICH/hoTich/a%4",
            "VN/GOV/000.00.00.G12/HOTICH/hoTich/%C3%28",
            "VN/GOV/000.00.00.G12/HOTI%2FCH/hoTich",
            "VN/GOV/000.00.00.G12/HOTICH/ho%20Tich",
        }) {
            assertThrows(IllegalArgumentException.class, () -> ServicePath.parse(bad), bad);
        }
    }
}
