package vn.egov.reporting.domain;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import vn.egov.directory.application.AgencyTree;
import vn.egov.reporting.domain.model.Indicator;

/**
 * Whose figures a caller may see on dashboards, in the API and in exports: an agency its own
 * subtree and the national aggregate, a ministry its own indicators everywhere, an overseeing
 * agency (the Government Office, by configuration) and system administrators everything. The same
 * rule applies to a figure and to each of its parts, so the nation's total never lists a province
 * its caller may not ask for.
 *
 * @param overseers the agencies that see every figure ({@code egov.reporting.oversight-agencies})
 */
public record FigureScope(Set<String> overseers) {

    public FigureScope {
        overseers = Set.copyOf(overseers);
    }

    /** The scope from {@code egov.reporting.oversight-agencies}: comma-separated codes, spaces and empty items ignored. */
    public static FigureScope fromConfiguration(String oversightAgencies) {
        return new FigureScope(Arrays.stream(oversightAgencies == null ? new String[0] : oversightAgencies.split(","))
                .map(String::strip)
                .filter(code -> !code.isEmpty())
                .collect(Collectors.toSet()));
    }

    /** Whether an agency (null for people without one) oversees all reporting. */
    public boolean oversees(String agency) {
        return agency != null && overseers.contains(agency);
    }

    /**
     * Whether the caller of {@code callerAgency} sees the indicator's figure for {@code scope}
     * (null: the nation); {@code everything} for system administrators.
     */
    public boolean maySee(String callerAgency, boolean everything, Indicator indicator, String scope, AgencyTree tree) {
        if (scope == null || everything || oversees(callerAgency)) {
            return true;
        }
        return callerAgency != null
                && (tree.within(scope, callerAgency) || callerAgency.equals(indicator.getOwnerCode()));
    }
}
