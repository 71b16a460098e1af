-- Status sync with agencies' one-stop systems: local ↔ national code mappings, data an admin
-- maintains (the three mapping tables OpenCPS keeps). A mapping belongs to an agency and holds for
-- every agency below it unless one below maps the same local code; a code with no mapping is
-- taken as the national code. Plain SQL that H2 2.x and PostgreSQL both accept.

-- ServiceInfoMapping: the agency's own procedure code → the national procedure code (MaTTHC).
CREATE TABLE portal_procedure_mapping (
    agency_code    VARCHAR(20)   NOT NULL REFERENCES agency (code),
    local_code     VARCHAR(50)   NOT NULL,
    national_code  VARCHAR(50)   NOT NULL,
    national_name  VARCHAR(1000),
    updated_by     VARCHAR(100)  NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (agency_code, local_code)
);

-- DictItemMapping: the agency's own dictionary items → national codes, for fields (MaLinhVuc) and
-- agencies (madonvi); kind tells which dictionary.
CREATE TABLE portal_dict_mapping (
    agency_code    VARCHAR(20)   NOT NULL REFERENCES agency (code),
    kind           VARCHAR(10)   NOT NULL,   -- FIELD or AGENCY
    local_code     VARCHAR(50)   NOT NULL,
    national_code  VARCHAR(50)   NOT NULL,
    national_name  VARCHAR(500),
    updated_by     VARCHAR(100)  NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (agency_code, kind, local_code)
);

-- DossierStatusMapping: the agency's own status (e.g. OpenCPS "processing") → TrangThaiHoSo 1..10.
CREATE TABLE portal_status_mapping (
    agency_code    VARCHAR(20)   NOT NULL REFERENCES agency (code),
    local_code     VARCHAR(50)   NOT NULL,
    national_code  SMALLINT      NOT NULL,
    updated_by     VARCHAR(100)  NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (agency_code, local_code),
    CONSTRAINT portal_status_mapping_national CHECK (national_code BETWEEN 1 AND 10)
);
