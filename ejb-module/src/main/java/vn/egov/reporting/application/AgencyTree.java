package vn.egov.reporting.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agency hierarchy as reporting reads it: parents, children and names by code. {@code null}
 * stands for the nation, whose children are the agencies without a parent.
 */
public final class AgencyTree {

    /** One agency: code, parent (null at the top), name and level name. */
    public record Node(String code, String parentCode, String name, String level) {
    }

    private final Map<String, Node> nodes = new HashMap<>();
    private final Map<String, List<String>> children = new HashMap<>();

    public AgencyTree(List<Node> all) {
        for (Node node : all) {
            nodes.put(node.code(), node);
        }
        for (Node node : all) {
            String parent = node.parentCode() != null && nodes.containsKey(node.parentCode()) ? node.parentCode() : null;
            children.computeIfAbsent(parent, p -> new ArrayList<>()).add(node.code());
        }
        children.values().forEach(list -> list.sort(String::compareTo));
    }

    public boolean contains(String code) {
        return nodes.containsKey(code);
    }

    public Node node(String code) {
        return nodes.get(code);
    }

    public String name(String code) {
        Node node = nodes.get(code);
        return node == null ? null : node.name();
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
        for (String at = code; at != null; at = nodes.containsKey(at) ? nodes.get(at).parentCode() : null) {
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
