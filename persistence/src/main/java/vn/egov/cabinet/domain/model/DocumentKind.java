package vn.egov.cabinet.domain.model;

/** What a dossier document is: tờ trình, dự thảo (decision, decree, resolution), báo cáo, phụ lục. */
public enum DocumentKind {
    SUBMISSION,
    DRAFT,
    REPORT,
    APPENDIX
}
