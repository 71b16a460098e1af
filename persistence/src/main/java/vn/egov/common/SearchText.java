package vn.egov.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds Vietnamese text for searching: people type "nghe an" and expect "Nghệ An". Removes the
 * diacritics (and turns đ into d), lower-cases and collapses spaces. The folded form is stored next
 * to the original, so a search is a plain indexed {@code LIKE} on any database.
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Spaces of every kind, the no-break and thin ones that spreadsheets and word processors put in too. */
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

    private SearchText() {}

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String bare = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
        return SPACES.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /**
     * The words of a search, folded, for one {@code LIKE '%word%'} each (every word must occur, in
     * any order). LIKE's own wildcards are dropped: a query cannot widen itself. At most {@code max}.
     */
    public static java.util.List<String> words(String text, int max) {
        String folded = fold(text).replace('%', ' ').replace('_', ' ').trim();
        if (folded.isEmpty()) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(SPACES.split(folded))
                .limit(max)
                .map(w -> "%" + w + "%")
                .toList();
    }
}
