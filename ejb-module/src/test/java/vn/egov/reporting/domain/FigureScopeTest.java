package vn.egov.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.egov.directory.application.AgencyRecord;
import vn.egov.directory.application.AgencyTree;
import vn.egov.directory.domain.model.AgencyLevel;
import vn.egov.reporting.domain.model.Aggregation;
import vn.egov.reporting.domain.model.Indicator;
import vn.egov.reporting.domain.model.ValueType;

/** Whose figures a caller sees: the rule for a figure and for each of its parts. */
class FigureScopeTest {

    private static final String NGHE_AN = "000.00.00.H41";
    private static final String VINH = "000.00.20.H41";
    private static final String HAU_GIANG = "000.00.00.H30";
    private static final String INDUSTRY_AND_TRADE = "000.00.00.G02";
    private static final String FINANCE = "000.00.00.G09";
    private static final String GOVERNMENT_OFFICE = "000.00.00.G22";

    private static final AgencyTree TREE = new AgencyTree(List.of(
            AgencyRecord.of(NGHE_AN, null, "Nghệ An", AgencyLevel.PROVINCE),
            AgencyRecord.of(VINH, NGHE_AN, "Vinh", AgencyLevel.DISTRICT),
            AgencyRecord.of(HAU_GIANG, null, "Hậu Giang", AgencyLevel.PROVINCE),
            AgencyRecord.of(INDUSTRY_AND_TRADE, null, "Bộ Công Thương", AgencyLevel.MINISTRY),
            AgencyRecord.of(FINANCE, null, "Bộ Tài chính", AgencyLevel.MINISTRY),
            AgencyRecord.of(GOVERNMENT_OFFICE, null, "Văn phòng Chính phủ", AgencyLevel.MINISTRY)));

    private static final Indicator RETAIL = new Indicator(
            "RETAIL_TOTAL", "Bán lẻ", "Retail", "tỷ đồng", ValueType.NUMBER, Aggregation.SUM, INDUSTRY_AND_TRADE);

    private static final FigureScope CONFIGURED = new FigureScope(Set.of(GOVERNMENT_OFFICE));

    @Test
    void aProvinceSeesTheNationItselfAndBelowButNoOtherProvince() {
        assertTrue(CONFIGURED.maySee(NGHE_AN, false, RETAIL, null, TREE));
        assertTrue(CONFIGURED.maySee(NGHE_AN, false, RETAIL, NGHE_AN, TREE));
        assertTrue(CONFIGURED.maySee(NGHE_AN, false, RETAIL, VINH, TREE));
        assertFalse(CONFIGURED.maySee(NGHE_AN, false, RETAIL, HAU_GIANG, TREE));
        assertFalse(CONFIGURED.maySee(VINH, false, RETAIL, NGHE_AN, TREE), "a district does not see its province");
    }

    @Test
    void aMinistrySeesItsOwnIndicatorEverywhereAndOthersOnlyNationally() {
        assertTrue(CONFIGURED.maySee(INDUSTRY_AND_TRADE, false, RETAIL, HAU_GIANG, TREE));
        assertFalse(CONFIGURED.maySee(FINANCE, false, RETAIL, HAU_GIANG, TREE));
        assertTrue(CONFIGURED.maySee(FINANCE, false, RETAIL, null, TREE));
    }

    @Test
    void theConfiguredOverseerAndSystemAdministratorsSeeEverything() {
        assertTrue(CONFIGURED.oversees(GOVERNMENT_OFFICE));
        assertTrue(CONFIGURED.maySee(GOVERNMENT_OFFICE, false, RETAIL, HAU_GIANG, TREE));
        assertTrue(CONFIGURED.maySee(null, true, RETAIL, HAU_GIANG, TREE));
    }

    @Test
    void theOverseerIsWhoeverTheConfigurationNamesNotACodeInTheProgram() {
        FigureScope financeOversees = new FigureScope(Set.of(FINANCE));
        assertFalse(financeOversees.oversees(GOVERNMENT_OFFICE));
        assertFalse(financeOversees.maySee(GOVERNMENT_OFFICE, false, RETAIL, HAU_GIANG, TREE));
        assertTrue(financeOversees.maySee(FINANCE, false, RETAIL, HAU_GIANG, TREE));
        FigureScope nobody = new FigureScope(Set.of());
        assertFalse(nobody.maySee(GOVERNMENT_OFFICE, false, RETAIL, NGHE_AN, TREE));
    }

    @Test
    void aCallerWithoutAnAgencySeesOnlyTheNation() {
        assertTrue(CONFIGURED.maySee(null, false, RETAIL, null, TREE));
        assertFalse(CONFIGURED.maySee(null, false, RETAIL, NGHE_AN, TREE));
        assertFalse(CONFIGURED.oversees(null));
    }

    @Test
    void theConfigurationListsOverseersSeparatedByCommas() {
        FigureScope two = FigureScope.fromConfiguration(" 000.00.00.G22 , 000.00.00.G09,,");
        assertTrue(two.oversees(GOVERNMENT_OFFICE) && two.oversees(FINANCE));
        assertFalse(two.oversees(NGHE_AN));
        assertFalse(FigureScope.fromConfiguration("").oversees(GOVERNMENT_OFFICE));
        assertFalse(FigureScope.fromConfiguration(null).oversees(""));
    }
}
