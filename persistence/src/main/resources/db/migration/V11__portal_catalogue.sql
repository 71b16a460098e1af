-- Portal: the catalogue of administrative procedures (thủ tục hành chính), modelled on the national
-- procedure database's record (LayThuTuc). Plain SQL for H2 2.x and PostgreSQL.

-- Lĩnh vực: fields of administration, as data (the national codes, e.g. "G12-HT" Hộ tịch).
CREATE TABLE portal_field (
    code          VARCHAR(40)   PRIMARY KEY,
    name          VARCHAR(300)  NOT NULL
);

-- One procedure. What is searched and filtered on is a column; the nested record (channels × cases
-- with times and fees, components, steps, results, legal basis) is kept whole, in the national
-- record's own JSON shape, because it is always read and replaced whole. detail_sha256 tells an
-- import whether a record changed.
CREATE TABLE portal_procedure (
    code              VARCHAR(40)     PRIMARY KEY,
    name              VARCHAR(1000)   NOT NULL,
    publishing_agency VARCHAR(50)     NOT NULL,
    online_level      INTEGER         NOT NULL,
    assurance_level   INTEGER         DEFAULT 1 NOT NULL,
    published         BOOLEAN         NOT NULL,
    search_text       VARCHAR(3000)   NOT NULL,
    detail            VARCHAR(262144) NOT NULL,
    detail_sha256     VARCHAR(64)     NOT NULL,
    updated_by        VARCHAR(64),
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT portal_procedure_level CHECK (online_level BETWEEN 2 AND 4),
    CONSTRAINT portal_procedure_loa CHECK (assurance_level BETWEEN 1 AND 4)
);
CREATE INDEX portal_procedure_level_idx ON portal_procedure (online_level);

CREATE TABLE portal_procedure_field (
    procedure_code VARCHAR(40)  NOT NULL REFERENCES portal_procedure (code) ON DELETE CASCADE,
    field_code     VARCHAR(40)  NOT NULL REFERENCES portal_field (code),
    PRIMARY KEY (procedure_code, field_code)
);
CREATE INDEX portal_procedure_field_idx ON portal_procedure_field (field_code);

-- Cơ quan thực hiện, by code, for the search by agency.
CREATE TABLE portal_procedure_agency (
    procedure_code VARCHAR(40)  NOT NULL REFERENCES portal_procedure (code) ON DELETE CASCADE,
    agency_code    VARCHAR(50)  NOT NULL,
    PRIMARY KEY (procedure_code, agency_code)
);
CREATE INDEX portal_procedure_agency_idx ON portal_procedure_agency (agency_code);

-- Mẫu đơn, tờ khai: the form template of a dossier component, when the platform holds its file.
CREATE TABLE portal_form_template (
    procedure_code VARCHAR(40)   NOT NULL REFERENCES portal_procedure (code) ON DELETE CASCADE,
    form_code      VARCHAR(40)   NOT NULL,
    file_name      VARCHAR(255)  NOT NULL,
    content_type   VARCHAR(100)  NOT NULL,
    size_bytes     BIGINT        NOT NULL,
    sha256         VARCHAR(64)   NOT NULL,
    content        BYTEA         NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (procedure_code, form_code)
);
