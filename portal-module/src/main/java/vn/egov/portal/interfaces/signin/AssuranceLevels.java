package vn.egov.portal.interfaces.signin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The level of assurance of a sign-in from what the identity provider says of it: the national portal's {@code loAs}
 * claim when there is one (a brokered sign-in), else the standard {@code acr}; each value is mapped by configuration
 * ({@code egov.portal.oidc.assurance-levels}, {@code value=level,…}), an unknown value is level 0, so a procedure
 * requiring any level refuses it rather than trusting it.
 */
final class AssuranceLevels {

    private AssuranceLevels() {}

    static Map<String, Integer> parse(String setting) {
        Map<String, Integer> levels = new LinkedHashMap<>();
        if (setting == null) {
            return Map.of();
        }
        for (String pair : setting.split(",")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String value = pair.substring(0, equals).trim();
            String level = pair.substring(equals + 1).trim();
            try {
                levels.put(value, Integer.parseInt(level));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("egov.portal.oidc.assurance-levels: not a level in " + pair, e);
            }
        }
        return Map.copyOf(levels);
    }

    /** The level of a sign-in whose {@code loAs} and {@code acr} claims are these (either may be null). */
    static int of(Map<String, Integer> levels, String loAs, String acr) {
        String said = loAs != null && !loAs.isBlank() ? loAs.trim() : acr;
        if (said == null) {
            return 0;
        }
        return levels.getOrDefault(said.trim(), 0);
    }
}
