package vn.egov.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void vietnameseWithoutDiacriticsFindsTheName() {
        assertEquals("uy ban nhan dan tinh nghe an", SearchText.fold("Ủy ban nhân dân tỉnh Nghệ An"));
        assertTrue(SearchText.fold("Đắk Lắk").contains(SearchText.fold("dak lak")));
    }

    @Test
    void theLetterDWithStrokeFoldsToD() {
        assertEquals("dang do", SearchText.fold("Đặng đỗ"));
    }

    @Test
    void spacesCollapseAndNullIsEmpty() {
        assertEquals("ha noi", SearchText.fold("  Hà   Nội "));
        assertEquals("ma chi tieu", SearchText.fold("MÃ\u00a0CHỈ\u2009TIÊU\u202f"), "no-break and thin spaces too");
        assertEquals("", SearchText.fold(null));
    }

    @Test
    void searchWordsAreFoldedBoundedAndCannotCarryWildcards() {
        assertEquals(java.util.List.of("%so%", "%y%", "%te%"), SearchText.words("Sở  Y tế", 8));
        assertEquals(java.util.List.of("%100%"), SearchText.words("100%", 8));
        assertEquals(java.util.List.of("%a%", "%b%"), SearchText.words("a b c", 2));
        assertEquals(java.util.List.of(), SearchText.words(" %_ ", 8));
    }
}
