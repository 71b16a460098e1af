-- The data sharing platform (LGSP/NGSP, issue 15): members (an agency's subsystems), the services
-- they publish, the access rights they grant per client subsystem (denied unless granted), and the
-- hash-chained message log of every call through the gateway. Plain SQL for H2 2.x and PostgreSQL.

-- A member subsystem: X-Road's INSTANCE/CLASS/MEMBER/SUBSYSTEM, MEMBER being the directory's agency
-- code. client_id names the partner client whose access tokens speak for it as a consumer (null: a
-- subsystem that only provides).
CREATE SEQUENCE sharing_member_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE sharing_member (
    id              BIGINT        PRIMARY KEY,
    agency_code     VARCHAR(20)   NOT NULL REFERENCES agency (code),
    subsystem_code  VARCHAR(64)   NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    client_id       VARCHAR(64)   REFERENCES partner_client (client_id),
    active          BOOLEAN       NOT NULL,
    created_by      VARCHAR(100)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sharing_member_once UNIQUE (agency_code, subsystem_code)
);
CREATE INDEX sharing_member_client ON sharing_member (client_id);

-- A service a member subsystem publishes: a REST API at base_url, described by its OpenAPI text.
CREATE SEQUENCE sharing_service_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE sharing_service (
    id              BIGINT        PRIMARY KEY,
    member_pk       BIGINT        NOT NULL REFERENCES sharing_member (id),
    service_code    VARCHAR(64)   NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    base_url        VARCHAR(1000) NOT NULL,
    version         VARCHAR(20)   NOT NULL,
    openapi         VARCHAR(262144),
    timeout_ms      INTEGER       NOT NULL,
    active          BOOLEAN       NOT NULL,
    created_by      VARCHAR(100)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sharing_service_once UNIQUE (member_pk, service_code)
);

-- An access right: this client subsystem may call this service. No row, no call. calls_per_minute
-- null: the platform's default rate limit.
CREATE SEQUENCE sharing_access_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE sharing_access (
    id               BIGINT       PRIMARY KEY,
    service_pk       BIGINT       NOT NULL REFERENCES sharing_service (id),
    client_member_pk BIGINT       NOT NULL REFERENCES sharing_member (id),
    calls_per_minute INTEGER,
    granted_by       VARCHAR(100) NOT NULL,
    granted_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sharing_access_once UNIQUE (service_pk, client_member_pk)
);
CREATE INDEX sharing_access_client ON sharing_access (client_member_pk);

-- Calls counted per consumer x service x minute, for the rate limit (in the database, so every
-- instance of a deployment group counts the same calls).
CREATE TABLE sharing_rate_window (
    service_pk       BIGINT       NOT NULL,
    client_member_pk BIGINT       NOT NULL,
    window_start     BIGINT       NOT NULL,   -- epoch minute
    calls            INTEGER      NOT NULL,
    PRIMARY KEY (service_pk, client_member_pk, window_start)
);

-- The message log: one entry per call through the gateway, refused ones included, hash-chained like
-- the exchange log (entry_hash = SHA-512 over every field and prev_hash), in order of seq.
CREATE TABLE sharing_message_log (
    seq              BIGINT        PRIMARY KEY,
    message_id       VARCHAR(100)  NOT NULL,   -- X-Road-Id
    client           VARCHAR(200),             -- X-Road-Client as sent (INSTANCE/CLASS/MEMBER/SUBSYSTEM)
    client_agency    VARCHAR(20),
    caller           VARCHAR(100),             -- the partner client the token proved
    service          VARCHAR(300),             -- INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE
    provider_agency  VARCHAR(20),
    method           VARCHAR(10)   NOT NULL,
    path             VARCHAR(2000),
    user_id          VARCHAR(100),             -- X-Road-UserId
    issue            VARCHAR(100),             -- X-Road-Issue (MaHoSo)
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_ms      BIGINT        NOT NULL,
    request_bytes    BIGINT        NOT NULL,
    response_bytes   BIGINT        NOT NULL,
    status           INTEGER       NOT NULL,
    error_type       VARCHAR(100),             -- the gateway's own refusal (Client.* / Server.*), null otherwise
    request_digest   VARCHAR(128)  NOT NULL,   -- SHA-512 hex of the request body
    response_digest  VARCHAR(128)  NOT NULL,   -- SHA-512 hex of the answer's body
    request_hash     VARCHAR(100),             -- the X-Road-Request-Hash answered
    prev_hash        VARCHAR(128)  NOT NULL,
    entry_hash       VARCHAR(128)  NOT NULL
);
CREATE INDEX sharing_message_log_issue ON sharing_message_log (issue);
CREATE INDEX sharing_message_log_message ON sharing_message_log (message_id);
CREATE INDEX sharing_message_log_client ON sharing_message_log (client_agency, seq);
CREATE INDEX sharing_message_log_provider ON sharing_message_log (provider_agency, seq);

CREATE TABLE sharing_log_head (
    id        INTEGER      PRIMARY KEY,
    last_seq  BIGINT       NOT NULL,
    last_hash VARCHAR(128) NOT NULL
);
INSERT INTO sharing_log_head (id, last_seq, last_hash) VALUES (1, 0, '00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000');
