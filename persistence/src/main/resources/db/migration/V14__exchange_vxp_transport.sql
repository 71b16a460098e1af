-- The VPCP transport (/vxp): the document systems connected to the axis with the SDK, each with its
-- id and its secret (sealed with AES-GCM under a key kept outside the database: the HMAC of every
-- call is recomputed with it, so it cannot be only hashed).
CREATE TABLE exchange_system (
    system_id         VARCHAR(64)   PRIMARY KEY,
    agency_code       VARCHAR(20)   NOT NULL REFERENCES agency (code),
    name              VARCHAR(200)  NOT NULL,
    secret_sealed     VARCHAR(300),
    secret_issued_at  TIMESTAMP WITH TIME ZONE,
    active            BOOLEAN       NOT NULL,
    created_by        VARCHAR(100)  NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX exchange_system_agency ON exchange_system (agency_code);

-- The whole edXML package as sent is kept in the attachment store under payload_sha256; its size
-- here (null: a JSON send, which has no package).
ALTER TABLE exchange_document ADD COLUMN package_size BIGINT;

-- The recipient system's transport acknowledgement (updateStatus done / fail / processing).
ALTER TABLE exchange_delivery ADD COLUMN transport_state VARCHAR(10);
ALTER TABLE exchange_delivery ADD COLUMN transport_at TIMESTAMP WITH TIME ZONE;

-- Every status change is announced to the other side as a status message: to whom, and whether
-- that agency's system has taken it. Changes recorded before this version are not announced.
ALTER TABLE exchange_status ADD COLUMN notice_to VARCHAR(20);
ALTER TABLE exchange_status ADD COLUMN notice_state VARCHAR(10);
CREATE INDEX exchange_status_notice ON exchange_status (notice_to, notice_state, id);

-- Orders on a document already sent (TraceHeaderList/Bussiness/BussinessDocType 1 revoke, 2 update,
-- 3 replace) reuse its DocumentId: each is a revision of its own (0 is the document itself), and
-- the original records the revision that updated or replaced it. The same package again is still a
-- duplicate.
ALTER TABLE exchange_document ADD COLUMN revision INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE exchange_document ADD COLUMN superseded_by BIGINT;
ALTER TABLE exchange_document DROP CONSTRAINT exchange_document_once;
ALTER TABLE exchange_document ADD CONSTRAINT exchange_document_once UNIQUE (sender_code, document_id, revision);
