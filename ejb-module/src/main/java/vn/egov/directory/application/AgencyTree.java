package vn.egov.directory.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agency hierarchy, the one every area reads: parents, children and entries by code.
 * {@code null} stands for the nation, whose children are the agencies without a parent. Immutable;
 * {@link DirectoryService#tree()} hands out the current one.
 */
public final class AgencyTree {

    private final Map<String, AgencyRecord> nodes = new HashMap<>();
    private final Map<String, List<String>> children = new HashMap<>();

    public AgencyTree(List<AgencyRecord> all) {
        for (AgencyRecord node : all) {
            nodes.put(node.code(), node);
        }
        for (AgencyRecord node : all) {
            String parent =
                    node.parentCode() != null && nodes.containsKey(node.parentCode()) ? node.parentCode() : null;
            children.computeIfAbsent(parent, p -> new ArrayList<>()).add(node.code());
        }
        children.values().forEach(list -> list.sort(String::compareTo));
    }

    public boolean contains(String code) {
        return nodes.containsKey(code);
    }

    /** The entry of an agency, or null when the directory has no such code. */
    public AgencyRecord agency(String code) {
        return nodes.get(code);
    }

    /** The agency's name, or null when the directory has no such code. */
    public String name(String code) {
        AgencyRecord node = nodes.get(code);
        return node == null ? null : node.name();
    }

    /** Every agency in the tree, active or not. */
    public java.util.Collection<AgencyRecord> all() {
        return java.util.Collections.unmodifiableCollection(nodes.values());
    }

    /** The direct children of an agency; of the nation (null), the top-level agencies. */
    public List<String> children(String code) {
        return children.getOrDefault(code, List.of());
    }

    /** Whether {@code code} is {@code ancestor} itself or lies below it (the nation contains all). */
    public boolean within(String code, String ancestor) {
        if (ancestor == null) {
            return true;
        }
        for (String at = code;
                at != null;
                at = nodes.containsKey(at) ? nodes.get(at).parentCode() : null) {
            if (at.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** The agency and everything below it. */
    public Set<String> subtree(String code) {
        Set<String> all = new HashSet<>();
        List<String> todo = new ArrayList<>(code == null ? children(null) : List.of(code));
        while (!todo.isEmpty()) {
            String next = todo.remove(todo.size() - 1);
            if (all.add(next)) {
                todo.addAll(children(next));
            }
        }
        return all;
    }
}
