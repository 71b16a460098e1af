-- Document exchange axis: documents, their attachments, one delivery per recipient with its status
-- history, and the hash-chained exchange log. Plain SQL that H2 2.x and PostgreSQL both accept.

CREATE SEQUENCE exchange_document_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE exchange_document (
    id                  BIGINT        PRIMARY KEY,
    document_id         VARCHAR(100)  NOT NULL,
    sender_code         VARCHAR(20)   NOT NULL REFERENCES agency (code),
    sender_name         VARCHAR(200)  NOT NULL,
    code_number         VARCHAR(11)   NOT NULL,
    code_notation       VARCHAR(30)   NOT NULL,
    type_code           INTEGER,
    type_name           VARCHAR(100)  NOT NULL,
    subject             VARCHAR(500)  NOT NULL,
    content             VARCHAR(4000),
    promulgation_place  VARCHAR(100),
    promulgation_date   DATE          NOT NULL,
    signer_competence   VARCHAR(100),
    signer_position     VARCHAR(100),
    signer_name         VARCHAR(50),
    due_date            DATE,
    urgency             VARCHAR(20)   NOT NULL,
    steering_type       INTEGER,
    business_type       VARCHAR(20)   NOT NULL,
    business_reason     VARCHAR(500),
    response_for        VARCHAR(100),
    search_text         VARCHAR(700)  NOT NULL,
    payload_sha256      VARCHAR(64)   NOT NULL,
    signature_status    VARCHAR(10)   NOT NULL,
    signer_subject      VARCHAR(300),
    sent_by             VARCHAR(100)  NOT NULL,
    sent_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    recall_requested_at TIMESTAMP WITH TIME ZONE,
    recall_reason       VARCHAR(500),
    CONSTRAINT exchange_document_once UNIQUE (sender_code, document_id)
);
CREATE INDEX exchange_document_sender_idx ON exchange_document (sender_code, sent_at);

CREATE SEQUENCE exchange_attachment_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE exchange_attachment (
    id            BIGINT        PRIMARY KEY,
    document_pk   BIGINT        NOT NULL REFERENCES exchange_document (id),
    content_id    VARCHAR(100)  NOT NULL,
    name          VARCHAR(255)  NOT NULL,
    content_type  VARCHAR(100)  NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    sha256        VARCHAR(64)   NOT NULL,
    CONSTRAINT exchange_attachment_once UNIQUE (document_pk, content_id)
);

-- inbox_seq is handed out under the exchange log's head lock, so it grows in commit order and an
-- inbox cursor never skips a delivery committed late.
CREATE SEQUENCE exchange_delivery_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE exchange_delivery (
    id              BIGINT        PRIMARY KEY,
    document_pk     BIGINT        NOT NULL REFERENCES exchange_document (id),
    recipient_code  VARCHAR(20)   NOT NULL REFERENCES agency (code),
    recipient_name  VARCHAR(200)  NOT NULL,
    inbox_seq       BIGINT        NOT NULL,
    status          VARCHAR(2),
    recall_state    VARCHAR(10)   NOT NULL,
    delivered_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    arrived_at      TIMESTAMP WITH TIME ZONE,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    arrival_year    INTEGER,
    arrival_number  INTEGER,
    CONSTRAINT exchange_delivery_once UNIQUE (document_pk, recipient_code),
    CONSTRAINT exchange_arrival_once UNIQUE (recipient_code, arrival_year, arrival_number)
);

-- Sổ văn bản đến: each agency's arrival numbers run from 1 on 1 January (Decree 30/2020, Art. 22).
CREATE TABLE incoming_register (
    agency_code  VARCHAR(20) NOT NULL REFERENCES agency (code),
    register_year  INTEGER   NOT NULL,
    last_number  INTEGER     NOT NULL,
    PRIMARY KEY (agency_code, register_year)
);
CREATE INDEX exchange_delivery_inbox_idx ON exchange_delivery (recipient_code, inbox_seq);

CREATE SEQUENCE exchange_status_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE exchange_status (
    id                BIGINT        PRIMARY KEY,
    delivery_id       BIGINT        NOT NULL REFERENCES exchange_delivery (id),
    code              VARCHAR(2)    NOT NULL,
    reported_by       VARCHAR(20)   NOT NULL,
    description       VARCHAR(1000),
    staff_department  VARCHAR(200),
    staff_name        VARCHAR(100),
    staff_email       VARCHAR(100),
    staff_mobile      VARCHAR(30),
    recorded_by       VARCHAR(100)  NOT NULL,
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX exchange_status_delivery_idx ON exchange_status (delivery_id, id);

-- The append-only exchange log. Each entry's hash covers its own fields and the previous entry's
-- hash; the single head row holds the last sequence number and hash and is locked by every append.
CREATE TABLE exchange_log (
    seq           BIGINT        PRIMARY KEY,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    action        VARCHAR(20)   NOT NULL,
    document_pk   BIGINT,
    agency_code   VARCHAR(20),
    actor         VARCHAR(100),
    detail        VARCHAR(1000),
    prev_hash     VARCHAR(64)   NOT NULL,
    entry_hash    VARCHAR(64)   NOT NULL
);
CREATE INDEX exchange_log_document_idx ON exchange_log (document_pk);
CREATE TABLE exchange_log_head (
    id         INTEGER       PRIMARY KEY,
    last_seq   BIGINT        NOT NULL,
    last_hash  VARCHAR(64)   NOT NULL
);
INSERT INTO exchange_log_head (id, last_seq, last_hash)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Trust list for document signatures: CA certificates (PEM). The demo CA also keeps its key, to
-- issue the demo agencies' certificates; a production CA's key never comes near the platform.
CREATE TABLE trust_anchor (
    name             VARCHAR(100)   PRIMARY KEY,
    certificate_pem  VARCHAR(10000) NOT NULL,
    private_key_pem  VARCHAR(10000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Demo signing identities, one per demo agency, issued by the demo CA on first use.
CREATE TABLE signing_identity (
    agency_code      VARCHAR(20)    PRIMARY KEY REFERENCES agency (code),
    certificate_pem  VARCHAR(10000) NOT NULL,
    private_key_pem  VARCHAR(10000) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
