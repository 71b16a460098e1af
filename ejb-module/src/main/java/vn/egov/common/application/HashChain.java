package vn.egov.common.application;

import jakarta.persistence.EntityManager;
import java.util.List;
import vn.egov.common.ChainedEntry;

/**
 * Re-computes every link of a hash-chained log, as the exchange log and the sharing platform's message log are
 * verified: entries read in order of their sequence, a page at a time and from the database (never EclipseLink's
 * cache, which would hide a change made behind the platform's back), each checked to follow the one before it, to
 * link to its hash and to hash to what it stored; then the chain's end checked against the log's head, so entries
 * removed from the end are found too.
 */
public final class HashChain {

    /** The outcome: intact, or the first entry that is not (its sequence and what is wrong) and the last good hash. */
    public record Verification(boolean valid, long entries, Long firstBrokenSeq, String problem, String lastHash) {}

    private HashChain() {}

    /**
     * Verifies the chain of entity {@code type} (its entity name is its simple class name) from {@code genesis} to the
     * head's {@code headSeq} and {@code headHash}, which the caller reads fresh from the database first.
     */
    public static <E extends ChainedEntry> Verification verify(
            EntityManager em, Class<E> type, String genesis, long headSeq, String headHash, int pageSize) {
        String previous = genesis;
        long expectedSeq = 1;
        long count = 0;
        while (true) {
            List<E> page = em.createQuery(
                            "SELECT e FROM " + type.getSimpleName() + " e WHERE e.seq >= :from ORDER BY e.seq", type)
                    .setParameter("from", expectedSeq)
                    .setMaxResults(pageSize)
                    .setHint("eclipselink.refresh", "true")
                    .getResultList();
            for (E entry : page) {
                if (entry.getSeq() != expectedSeq) {
                    return broken(count, expectedSeq, "entry " + expectedSeq + " is missing", previous);
                }
                if (!entry.getPrevHash().equals(previous)) {
                    return broken(count, entry.getSeq(), "entry does not link to the one before it", previous);
                }
                if (!entry.computeHash().equals(entry.getEntryHash())) {
                    return broken(count, entry.getSeq(), "entry was changed after it was written", previous);
                }
                previous = entry.getEntryHash();
                expectedSeq++;
                count++;
            }
            if (page.size() < pageSize) {
                break;
            }
            em.clear();
        }
        if (headSeq != count || !headHash.equals(previous)) {
            return broken(count, count + 1, "the log ends before its head: entries were removed", previous);
        }
        return new Verification(true, count, null, null, previous);
    }

    private static Verification broken(long count, long seq, String problem, String lastGood) {
        return new Verification(false, count, seq, problem, lastGood);
    }
}
