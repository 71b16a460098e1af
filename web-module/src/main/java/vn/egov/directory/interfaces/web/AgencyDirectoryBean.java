package vn.egov.directory.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.event.NodeExpandEvent;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.TreeNode;
import vn.egov.common.interfaces.web.LocaleBean;
import vn.egov.directory.application.AgencyRecord;
import vn.egov.directory.application.AgencySearch;
import vn.egov.directory.application.DirectoryService;
import vn.egov.directory.domain.model.AgencyLevel;

/**
 * The agency directory page: a search with its result table, and the hierarchy as a tree whose
 * branches load when opened (a province has hundreds of units; nobody needs all of them at once).
 */
@Named
@ViewScoped
public class AgencyDirectoryBean implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final int PAGE = 200;

    /** One row of the table or node of the tree. */
    public record AgencyRow(String code, String name, String shortName, String level, String parentCode)
            implements Serializable {}

    @Inject
    private DirectoryService directory;

    @Inject
    private LocaleBean locale;

    private String query;
    private AgencyLevel level;
    private List<AgencyRow> results;
    private TreeNode<AgencyRow> tree;

    @PostConstruct
    void init() {
        search();
        tree = new DefaultTreeNode<>(null, null);
        addNodes(tree, directory.topLevel());
    }

    public void search() {
        results = directory.search(new AgencySearch(query, null, level, 0, PAGE)).stream()
                .map(this::row)
                .toList();
    }

    public void onNodeExpand(NodeExpandEvent event) {
        @SuppressWarnings("unchecked")
        TreeNode<AgencyRow> node = event.getTreeNode();
        boolean placeholderOnly =
                node.getChildCount() == 1 && node.getChildren().get(0).getData() == null;
        if (placeholderOnly) {
            node.getChildren().clear();
            addNodes(
                    node, directory.search(new AgencySearch(null, node.getData().code(), null, 0, 1000)));
        }
    }

    private void addNodes(TreeNode<AgencyRow> parent, List<AgencyRecord> agencies) {
        Map<String, Long> childCounts =
                directory.childCounts(agencies.stream().map(AgencyRecord::code).toList());
        for (AgencyRecord agency : agencies) {
            TreeNode<AgencyRow> node = new DefaultTreeNode<>("agency", row(agency), parent);
            if (childCounts.getOrDefault(agency.code(), 0L) > 0) {
                new DefaultTreeNode<AgencyRow>("placeholder", null, node);
            }
        }
    }

    private AgencyRow row(AgencyRecord a) {
        String name = locale.isEnglish() && a.nameEn() != null ? a.nameEn() : a.name();
        return new AgencyRow(a.code(), name, a.shortName(), a.level().name(), a.parentCode());
    }

    public AgencyLevel[] getLevels() {
        return AgencyLevel.values();
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public AgencyLevel getLevel() {
        return level;
    }

    public void setLevel(AgencyLevel level) {
        this.level = level;
    }

    public List<AgencyRow> getResults() {
        return results;
    }

    public TreeNode<AgencyRow> getTree() {
        return tree;
    }
}
