package vn.egov.portal.application;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.egov.directory.application.AgencyTree;

/**
 * Reads the mappings a sync batch needs in one query (the three tables joined by {@code UNION ALL},
 * only the local codes the batch carries, only the agencies on the way up from the batch's
 * agencies), then translates codes in memory: the nearest agency up the tree that maps a code
 * decides, and a code nobody maps is taken as the national one.
 */
final class MappingTables {

    private final Map<String, String> byKey;
    private final AgencyTree tree;

    private MappingTables(Map<String, String> byKey, AgencyTree tree) {
        this.byKey = byKey;
        this.tree = tree;
    }

    /**
     * @param codes the local codes to look up, per kind
     * @param agencies the agencies whose mappings (and their ancestors') apply
     */
    static MappingTables load(
            EntityManager em,
            AgencyTree tree,
            Map<MappingKind, ? extends Collection<String>> codes,
            Collection<String> agencies) {
        List<String> chain = new ArrayList<>(new java.util.LinkedHashSet<>(ancestors(tree, agencies)));
        Map<String, String> found = new HashMap<>();
        List<String> parts = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        for (Map.Entry<MappingKind, ? extends Collection<String>> entry : codes.entrySet()) {
            if (entry.getValue().isEmpty() || chain.isEmpty()) {
                continue;
            }
            MappingKind kind = entry.getKey();
            StringBuilder sql = new StringBuilder("SELECT '")
                    .append(kind.name())
                    .append("', agency_code, local_code, CAST(national_code AS VARCHAR(50)) FROM ")
                    .append(kind.table())
                    .append(" WHERE agency_code IN (")
                    .append(marks(chain.size(), parameters.size()))
                    .append(")");
            parameters.addAll(chain);
            if (kind.dictionary() != null) {
                sql.append(" AND kind = '").append(kind.dictionary()).append("'");
            }
            List<String> local = List.copyOf(new java.util.LinkedHashSet<>(entry.getValue()));
            sql.append(" AND local_code IN (")
                    .append(marks(local.size(), parameters.size()))
                    .append(")");
            parameters.addAll(local);
            parts.add(sql.toString());
        }
        if (!parts.isEmpty()) {
            jakarta.persistence.Query query = em.createNativeQuery(String.join(" UNION ALL ", parts));
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter(i + 1, parameters.get(i));
            }
            for (Object row : query.getResultList()) {
                Object[] r = (Object[]) row;
                found.put(
                        key(((String) r[0]).strip(), ((String) r[1]).strip(), (String) r[2]), ((String) r[3]).strip());
            }
        }
        return new MappingTables(found, tree);
    }

    /** The national code for {@code local} as seen from {@code agency}: the nearest mapping up the tree, or local itself. */
    String national(MappingKind kind, String agency, String local) {
        if (byKey.isEmpty() || local == null) {
            return local;
        }
        for (String at = agency; at != null; at = parentOf(at)) {
            String national = byKey.get(key(kind.name(), at, local));
            if (national != null) {
                return national;
            }
        }
        return local;
    }

    private String parentOf(String code) {
        var node = tree.agency(code);
        return node == null ? null : node.parentCode();
    }

    private static List<String> ancestors(AgencyTree tree, Collection<String> agencies) {
        List<String> all = new ArrayList<>();
        for (String agency : agencies) {
            for (String at = agency; at != null && !all.contains(at); ) {
                all.add(at);
                var node = tree.agency(at);
                at = node == null ? null : node.parentCode();
            }
        }
        return all;
    }

    private static String marks(int n, int offset) {
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < n; i++) {
            marks.append(i == 0 ? "" : ", ").append('?').append(offset + i + 1);
        }
        return marks.toString();
    }

    private static String key(String kind, String agency, String local) {
        return kind + '\u0000' + agency + '\u0000' + local;
    }
}
