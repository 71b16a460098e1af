package vn.egov.common.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class V19PortalSyncSequencesTest {

    @Test
    void theFirstNewBlockLiesAboveEveryIdAlreadyGivenAndIsNeverBelowOneBlock() {
        for (long highest : new long[] {0, 1, 50, 499, 500, 501, 1_049, 27_200_000}) {
            long first = V19__portal_sync_sequences.restartAbove(highest);
            long blockStart = first - V19__portal_sync_sequences.BLOCK + 1;
            assertTrue(blockStart > highest, highest + " → " + first);
            assertTrue(first >= V19__portal_sync_sequences.BLOCK, highest + " → " + first);
            assertEquals(0, first % V19__portal_sync_sequences.BLOCK);
        }
    }
}
