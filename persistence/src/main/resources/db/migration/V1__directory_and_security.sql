-- Directory of agencies, people and partner systems; security audit log; platform secrets.
-- Plain SQL that H2 2.x and PostgreSQL both accept.

CREATE TABLE agency (
    code          VARCHAR(20)  PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    name_en       VARCHAR(200),
    short_name    VARCHAR(30),
    parent_code   VARCHAR(20)  REFERENCES agency (code),
    agency_level  VARCHAR(20)  NOT NULL,
    search_text   VARCHAR(500) NOT NULL,
    address       VARCHAR(300),
    email         VARCHAR(100),
    phone         VARCHAR(30),
    website       VARCHAR(200),
    connected     BOOLEAN      NOT NULL DEFAULT FALSE,
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX agency_parent_idx ON agency (parent_code);
CREATE INDEX agency_level_idx ON agency (agency_level);

-- EclipseLink pre-allocates ids in blocks: a sequence value v hands out v-49 … v.
CREATE SEQUENCE person_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE person (
    id             BIGINT       PRIMARY KEY,
    username       VARCHAR(64)  NOT NULL UNIQUE,
    full_name      VARCHAR(200) NOT NULL,
    email          VARCHAR(200),
    agency_code    VARCHAR(20)  REFERENCES agency (code),
    password_hash  VARCHAR(300) NOT NULL,
    active         BOOLEAN      NOT NULL,
    demo           BOOLEAN      NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX person_agency_idx ON person (agency_code);
CREATE TABLE person_role (
    person_id  BIGINT      NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    role       VARCHAR(30) NOT NULL,
    PRIMARY KEY (person_id, role)
);

CREATE TABLE partner_client (
    client_id    VARCHAR(64)  PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    agency_code  VARCHAR(20)  NOT NULL REFERENCES agency (code),
    secret_hash  VARCHAR(300) NOT NULL,
    active       BOOLEAN      NOT NULL,
    demo         BOOLEAN      NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE partner_client_role (
    client_id  VARCHAR(64) NOT NULL REFERENCES partner_client (client_id) ON DELETE CASCADE,
    role       VARCHAR(30) NOT NULL,
    PRIMARY KEY (client_id, role)
);

CREATE SEQUENCE security_event_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE security_event (
    id              BIGINT      PRIMARY KEY,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    event_type      VARCHAR(40) NOT NULL,
    principal       VARCHAR(100),
    agency_code     VARCHAR(20),
    remote_address  VARCHAR(64),
    detail          VARCHAR(500)
);
CREATE INDEX security_event_time_idx ON security_event (occurred_at);

CREATE TABLE platform_secret (
    name          VARCHAR(64)  PRIMARY KEY,
    secret_value  VARCHAR(200) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
