package vn.egov.cabinet.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.egov.common.DomainException;
import vn.egov.common.application.Caller;
import vn.egov.common.application.CallerContext;

/** Who may use e-Cabinet: people signed in as themselves (never partner systems), and which of them is the secretariat. */
@ApplicationScoped
public class CabinetCallers {

    static final String SECRETARY = "CABINET_SECRETARY";

    @Inject
    private CallerContext callers;

    /** The calling person; partner systems are refused. */
    Caller person() {
        Caller caller = callers.current().requireAuthenticated();
        if (caller.kind() != Caller.Kind.PERSON) {
            throw DomainException.forbidden(
                    "cabinet.person.required",
                    "e-Cabinet is used by people signed in as themselves, not by partner systems");
        }
        return caller;
    }

    /** Văn phòng Chính phủ as the Cabinet secretariat: prepares meetings, issues ballots. */
    boolean isSecretary() {
        return callers.isInRole(SECRETARY);
    }
}
