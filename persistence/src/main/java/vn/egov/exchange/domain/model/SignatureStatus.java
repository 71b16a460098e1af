package vn.egov.exchange.domain.model;

/** What the axis found when it checked a document's signature on arrival. */
public enum SignatureStatus {
    /** Signed by a certificate of the sending agency that chains to the trust list; intact. */
    VALID,
    /** Not signed; accepted only where configuration allows unsigned documents. */
    UNSIGNED
}
