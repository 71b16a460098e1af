package vn.egov.reporting.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.concurrent.atomic.AtomicLong;
import vn.egov.common.application.LiveChannel;

/**
 * The direction centre's live channel: every open centre page is a listener, told "reviewed" each time a report is
 * approved or returned, after the review has committed; the page then asks for its figures again (and redraws only
 * when what it may see changed). The event carries no figure and no report: what a page shows is always read for its
 * own viewer under the reporting scope rules, so a listener that misses a push loses nothing — the page asks again
 * when its stream reconnects. One topic: every page follows every review.
 */
@ApplicationScoped
public class LiveFigures extends LiveChannel<String> {

    /** The one topic of the channel. */
    public static final String FIGURES = "figures";

    private final AtomicLong reviews = new AtomicLong();

    /** A review has committed: every page is told, off the request's thread. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReportReviewed review) {
        String number = String.valueOf(reviews.incrementAndGet());
        push(FIGURES, "reviewed", () -> number);
    }
}
