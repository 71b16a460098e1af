package vn.egov.common.interfaces.web;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.faces.application.ViewExpiredException;
import vn.egov.common.DomainException;

/**
 * Which failures escaping a page or servlet are the caller's doing, not the platform's: a role the person does not
 * have ({@link EJBAccessException} from {@code @RolesAllowed}: 403), a refused business rule ({@link
 * DomainException}: its kind's status, e.g. 404 for another agency's object), a form whose view state this session
 * does not hold ({@link ViewExpiredException}: another session's, or one that expired: 400). They reach the page
 * wrapped by EL, CDI, Faces and the EJB container, so the whole cause chain is searched.
 */
public final class Refusals {

    private Refusals() {}

    /** The HTTP status of a refusal found in {@code failure}'s cause chain, or 500 when it is none. */
    public static int statusOf(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = next(t), depth++) {
            if (t instanceof EJBAccessException) {
                return 403;
            }
            if (t instanceof DomainException refusal && refusal.kind().status() < 500) {
                return refusal.kind().status();
            }
            if (t instanceof ViewExpiredException) {
                return 400;
            }
        }
        return 500;
    }

    /** Whether {@code failure} is a view state this session does not hold. */
    public static boolean expired(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = next(t), depth++) {
            if (t instanceof ViewExpiredException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof EJBException ejb && ejb.getCausedByException() != null && ejb.getCausedByException() != t) {
            return ejb.getCausedByException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
