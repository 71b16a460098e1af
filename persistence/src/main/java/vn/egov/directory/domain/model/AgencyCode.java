package vn.egov.directory.domain.model;

import java.util.regex.Pattern;
import vn.egov.common.DomainException;

/**
 * Mã định danh điện tử của cơ quan — an agency's electronic identifier, written
 * {@code LLL.KK.JJ.XNN} (QCVN 102:2016, Decision 20/2020/QĐ-TTg), e.g. {@code 000.00.00.G22}.
 *
 * <p>The groups read right to left from the top of the hierarchy: {@code XNN} is the level-1 unit
 * (a letter for the group of bodies and two digits), {@code JJ} level 2, {@code KK} level 3,
 * {@code LLL} level 4; zeros mean "the unit itself". So {@code 000.00.01.H41} is the first level-2
 * unit under {@code 000.00.00.H41}. This class is the strict shape we issue; codes received from
 * partners are matched by a configurable pattern instead, because real systems carry other shapes.
 */
public final class AgencyCode {

    /** The shape of codes the platform issues. */
    public static final Pattern STRICT = Pattern.compile("^\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}$");

    private final String value;
    /** Groups from the top: [0] = XNN, [1] = JJ, [2] = KK, [3] = LLL. */
    private final String[] groups;

    private AgencyCode(String value) {
        this.value = value;
        String[] parts = value.split("\\.");
        this.groups = new String[] {parts[3], parts[2], parts[1], parts[0]};
    }

    /**
     * Parses a code in the strict shape, refusing anything else with {@code agency.code.invalid}.
     * A code must also have no gap: a unit cannot sit at level 3 under an empty level 2.
     */
    public static AgencyCode parse(String value) {
        if (value == null || !STRICT.matcher(value).matches()) {
            throw invalid(value);
        }
        AgencyCode code = new AgencyCode(value);
        int depth = code.depth();
        for (int i = 1; i < depth; i++) {
            if (isZero(code.groups[i])) {
                throw invalid(value);
            }
        }
        return code;
    }

    private static DomainException invalid(String value) {
        return DomainException.invalid(
                "agency.code.invalid",
                "'" + value + "' is not an agency code of the form LLL.KK.JJ.XNN (e.g. 000.00.00.G22)");
    }

    private static boolean isZero(String group) {
        return group.chars().allMatch(c -> c == '0');
    }

    /** How deep in the hierarchy: 1 for a level-1 unit such as {@code 000.00.00.G22}, up to 4. */
    public int depth() {
        int depth = 1;
        for (int i = 1; i < groups.length; i++) {
            if (!isZero(groups[i])) {
                depth = i + 1;
            }
        }
        return depth;
    }

    /** The level-1 group, e.g. {@code G22}. */
    public String topGroup() {
        return groups[0];
    }

    /** The group letter of the level-1 unit: G for Government bodies, H for provinces. */
    public char groupLetter() {
        return groups[0].charAt(0);
    }

    /**
     * Whether this code may be a direct child of {@code parent}: one level deeper, sharing every
     * group the parent has set.
     */
    public boolean isChildOf(AgencyCode parent) {
        int parentDepth = parent.depth();
        if (depth() != parentDepth + 1) {
            return false;
        }
        for (int i = 0; i < parentDepth; i++) {
            if (!groups[i].equals(parent.groups[i])) {
                return false;
            }
        }
        return true;
    }

    /** Whether this code lies in the subtree of {@code ancestor} (itself included). */
    public boolean isWithin(AgencyCode ancestor) {
        int ancestorDepth = ancestor.depth();
        if (depth() < ancestorDepth) {
            return false;
        }
        for (int i = 0; i < ancestorDepth; i++) {
            if (!groups[i].equals(ancestor.groups[i])) {
                return false;
            }
        }
        return true;
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AgencyCode code && code.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
