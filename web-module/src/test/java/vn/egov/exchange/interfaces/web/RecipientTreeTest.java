package vn.egov.exchange.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.primefaces.model.TreeNode;
import vn.egov.directory.application.AgencyRecord;
import vn.egov.directory.domain.model.AgencyLevel;

class RecipientTreeTest {

    private static AgencyRecord agency(String code, String name, String parent, AgencyLevel level) {
        return AgencyRecord.of(code, parent, name, level);
    }

    private static TreeNode<ComposeBean.Choice> find(TreeNode<ComposeBean.Choice> node, String code) {
        if (code.equals(node.getData().code())) {
            return node;
        }
        for (TreeNode<ComposeBean.Choice> child : node.getChildren()) {
            TreeNode<ComposeBean.Choice> found = find(child, code);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @Test
    void groupsTopLevelAgenciesAndNestsTheRestUnderTheirParents() {
        List<AgencyRecord> agencies = List.of(
                agency("000.00.00.G22", "Văn phòng Chính phủ", null, AgencyLevel.MINISTRY),
                agency("000.00.01.G22", "Vụ Tổng hợp", "000.00.00.G22", AgencyLevel.DEPARTMENT),
                agency("000.00.00.H41", "UBND tỉnh Nghệ An", null, AgencyLevel.PROVINCE),
                agency("000.00.02.H41", "Sở Tài chính tỉnh Nghệ An", "000.00.00.H41", AgencyLevel.DEPARTMENT),
                agency("000.01.02.H41", "Phòng Ngân sách", "000.00.02.H41", AgencyLevel.DEPARTMENT),
                agency("000.00.05.H41", "Sở Xây dựng tỉnh Nghệ An", "000.00.00.H99", AgencyLevel.DEPARTMENT));
        TreeNode<ComposeBean.Choice> root = ComposeBean.recipientTree(agencies, "000.00.00.H41");

        assertEquals(
                List.of("MINISTRY", "PROVINCE", "DEPARTMENT"),
                root.getChildren().stream().map(g -> g.getData().label()).toList(),
                "groups in level order, only where there are agencies; an agency whose parent is not listed stands in its level's group");
        root.getChildren().forEach(g -> assertFalse(g.isSelectable(), "a group heading is not an agency"));
        TreeNode<ComposeBean.Choice> ministries = root.getChildren().get(0);
        assertEquals("000.00.00.G22", ministries.getChildren().get(0).getData().code());
        assertEquals(
                "000.00.01.G22",
                ministries.getChildren().get(0).getChildren().get(0).getData().code());

        TreeNode<ComposeBean.Choice> own = find(root, "000.00.00.H41");
        assertFalse(own.isSelectable(), "an agency does not send to itself");
        TreeNode<ComposeBean.Choice> office = find(root, "000.01.02.H41");
        assertTrue(office.isSelectable(), "but it does send to its own departments, at any depth");
        assertEquals("000.00.02.H41", office.getParent().getData().code());
        assertEquals(
                "000.00.05.H41",
                root.getChildren().get(2).getChildren().get(0).getData().code());
        assertEquals(6, countAgencies(root), "every agency appears once");
    }

    private static int countAgencies(TreeNode<ComposeBean.Choice> node) {
        int count = node.getData().code() == null ? 0 : 1;
        for (TreeNode<ComposeBean.Choice> child : node.getChildren()) {
            count += countAgencies(child);
        }
        return count;
    }
}
