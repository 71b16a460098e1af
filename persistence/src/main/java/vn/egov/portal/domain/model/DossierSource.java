package vn.egov.portal.domain.model;

/**
 * Where a dossier or a step came from: submitted on this portal and handled by its officers, or
 * reported by an agency's one-stop system through status sync.
 */
public enum DossierSource {
    PORTAL,
    SYNC
}
