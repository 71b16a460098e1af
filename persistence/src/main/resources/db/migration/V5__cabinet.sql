-- e-Cabinet: Government meetings (phiên họp) with participants, agenda, dossiers with versioned
-- drafts and comments, the speaking queue, signed votes (biểu quyết), opinion ballots (phiếu lấy ý
-- kiến thành viên Chính phủ) and the members' signing keys. Plain SQL for H2 2.x and PostgreSQL.

CREATE SEQUENCE cabinet_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE cabinet_meeting (
    id              BIGINT        PRIMARY KEY,
    kind            VARCHAR(20)   NOT NULL,
    title           VARCHAR(300)  NOT NULL,
    starts_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    place           VARCHAR(200),
    online          BOOLEAN       NOT NULL,
    chair           VARCHAR(64)   NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    current_item_id BIGINT,
    created_by      VARCHAR(64)   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE,
    closed_at       TIMESTAMP WITH TIME ZONE,
    revision        BIGINT        NOT NULL
);
CREATE INDEX cabinet_meeting_starts_idx ON cabinet_meeting (starts_at);

CREATE TABLE cabinet_agenda_item (
    id              BIGINT        PRIMARY KEY,
    meeting_id      BIGINT        NOT NULL REFERENCES cabinet_meeting (id),
    position        INTEGER       NOT NULL,
    title           VARCHAR(500)  NOT NULL,
    presenter_code  VARCHAR(20)   NOT NULL REFERENCES agency (code),
    presenter_name  VARCHAR(200)  NOT NULL,
    starts_at       TIMESTAMP WITH TIME ZONE,
    minutes         INTEGER,
    CONSTRAINT cabinet_item_position_once UNIQUE (meeting_id, position)
);

-- A Cabinet member (MEMBER, votes) or an invited guest (GUEST, sees only the item they are invited to).
CREATE TABLE cabinet_participant (
    id              BIGINT        PRIMARY KEY,
    meeting_id      BIGINT        NOT NULL REFERENCES cabinet_meeting (id),
    username        VARCHAR(64)   NOT NULL,
    full_name       VARCHAR(200)  NOT NULL,
    agency_code     VARCHAR(20),
    agency_name     VARCHAR(200),
    role            VARCHAR(10)   NOT NULL,
    item_id         BIGINT        REFERENCES cabinet_agenda_item (id),
    attendance      VARCHAR(12)   NOT NULL,
    delegate        VARCHAR(200),
    remote_voting   BOOLEAN       NOT NULL,
    CONSTRAINT cabinet_participant_once UNIQUE (meeting_id, username)
);
CREATE INDEX cabinet_participant_user_idx ON cabinet_participant (username);

-- Dossier documents of an agenda item (or of an opinion ballot), each with versions.
CREATE TABLE cabinet_document (
    id              BIGINT        PRIMARY KEY,
    item_id         BIGINT        REFERENCES cabinet_agenda_item (id),
    ballot_id       BIGINT,
    kind            VARCHAR(20)   NOT NULL,
    title           VARCHAR(300)  NOT NULL,
    created_by      VARCHAR(64)   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX cabinet_document_item_idx ON cabinet_document (item_id);

CREATE TABLE cabinet_document_version (
    id              BIGINT        PRIMARY KEY,
    document_id     BIGINT        NOT NULL REFERENCES cabinet_document (id),
    version_no      INTEGER       NOT NULL,
    file_name       VARCHAR(255)  NOT NULL,
    content_type    VARCHAR(100)  NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    sha256          VARCHAR(64)   NOT NULL,
    content         BYTEA         NOT NULL,
    note            VARCHAR(1000),
    created_by      VARCHAR(64)   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT cabinet_version_once UNIQUE (document_id, version_no)
);

-- Góp ý: members comment on one version of a draft, anchored to a section, threaded by parent.
CREATE TABLE cabinet_comment (
    id              BIGINT        PRIMARY KEY,
    version_id      BIGINT        NOT NULL REFERENCES cabinet_document_version (id),
    parent_id       BIGINT        REFERENCES cabinet_comment (id),
    section         VARCHAR(100),
    text            VARCHAR(4000) NOT NULL,
    author          VARCHAR(64)   NOT NULL,
    author_name     VARCHAR(200)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX cabinet_comment_version_idx ON cabinet_comment (version_id);

-- Đăng ký phát biểu: WAITING → SPEAKING → DONE, or WITHDRAWN.
CREATE TABLE cabinet_speaking_request (
    id              BIGINT        PRIMARY KEY,
    meeting_id      BIGINT        NOT NULL REFERENCES cabinet_meeting (id),
    item_id         BIGINT        NOT NULL REFERENCES cabinet_agenda_item (id),
    username        VARCHAR(64)   NOT NULL,
    full_name       VARCHAR(200)  NOT NULL,
    status          VARCHAR(10)   NOT NULL,
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE,
    ended_at        TIMESTAMP WITH TIME ZONE,
    seconds_allowed INTEGER
);
CREATE INDEX cabinet_speaking_meeting_idx ON cabinet_speaking_request (meeting_id, status);

CREATE TABLE cabinet_vote (
    id              BIGINT        PRIMARY KEY,
    meeting_id      BIGINT        NOT NULL REFERENCES cabinet_meeting (id),
    item_id         BIGINT        NOT NULL REFERENCES cabinet_agenda_item (id),
    question        VARCHAR(1000) NOT NULL,
    options         VARCHAR(1000) NOT NULL,
    status          VARCHAR(10)   NOT NULL,
    remote_allowed  BOOLEAN       NOT NULL,
    opened_by       VARCHAR(64)   NOT NULL,
    opened_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at       TIMESTAMP WITH TIME ZONE,
    tally           VARCHAR(1000)
);
CREATE INDEX cabinet_vote_meeting_idx ON cabinet_vote (meeting_id);

-- Every signed choice is kept: a changed vote supersedes the earlier one (counted = FALSE), so the
-- change stays on record; exactly one counted row per member and vote.
CREATE TABLE cabinet_vote_ballot (
    id              BIGINT        PRIMARY KEY,
    vote_id         BIGINT        NOT NULL REFERENCES cabinet_vote (id),
    username        VARCHAR(64)   NOT NULL,
    full_name       VARCHAR(200)  NOT NULL,
    option_code     VARCHAR(40)   NOT NULL,
    statement       VARCHAR(2000) NOT NULL,
    signature       VARCHAR(1000) NOT NULL,
    certificate     VARCHAR(4000) NOT NULL,
    signer_subject  VARCHAR(300)  NOT NULL,
    signed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    channel         VARCHAR(10)   NOT NULL,
    counted         BOOLEAN       NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    superseded_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX cabinet_vote_ballot_vote_idx ON cabinet_vote_ballot (vote_id, username);

CREATE TABLE cabinet_opinion_ballot (
    id              BIGINT        PRIMARY KEY,
    question        VARCHAR(1000) NOT NULL,
    description     VARCHAR(4000),
    deadline        TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(10)   NOT NULL,
    issued_by       VARCHAR(64)   NOT NULL,
    issued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at       TIMESTAMP WITH TIME ZONE,
    close_reason    VARCHAR(1000),
    reminded_at     TIMESTAMP WITH TIME ZONE
);

-- One row per member the ballot was issued to; the answer columns stay empty until they answer.
CREATE TABLE cabinet_opinion_answer (
    id              BIGINT        PRIMARY KEY,
    ballot_id       BIGINT        NOT NULL REFERENCES cabinet_opinion_ballot (id),
    username        VARCHAR(64)   NOT NULL,
    full_name       VARCHAR(200)  NOT NULL,
    agency_code     VARCHAR(20),
    option_code     VARCHAR(10),
    text            VARCHAR(4000),
    statement       VARCHAR(6000),
    signature       VARCHAR(1000),
    certificate     VARCHAR(4000),
    signer_subject  VARCHAR(300),
    signed_at       TIMESTAMP WITH TIME ZONE,
    answered_at     TIMESTAMP WITH TIME ZONE,
    channel         VARCHAR(10),
    CONSTRAINT cabinet_answer_once UNIQUE (ballot_id, username)
);
CREATE INDEX cabinet_answer_user_idx ON cabinet_opinion_answer (username);

-- A member's registered signing certificate; for members without a signing client, also their
-- private key encrypted under a key derived from their PIN (remote signing).
CREATE TABLE cabinet_signing_key (
    username        VARCHAR(64)   PRIMARY KEY,
    certificate     VARCHAR(4000) NOT NULL,
    encrypted_key   VARCHAR(4000),
    kdf_salt        VARCHAR(64),
    kdf_iterations  INTEGER,
    failed_attempts INTEGER       NOT NULL,
    registered_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
