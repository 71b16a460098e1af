-- Sign-in throttling (ASVS 2.2.1): failed sign-ins counted per account (person or partner client)
-- and per address, shared by every instance of a deployment group. A row lives while it counts
-- failures or holds a lock-out; rows idle past the window and the longest lock are purged.
CREATE TABLE auth_throttle (
    throttle_key      VARCHAR(120) PRIMARY KEY,
    subject_kind      VARCHAR(10)  NOT NULL,
    subject           VARCHAR(100) NOT NULL,
    failures          INTEGER      NOT NULL,
    window_started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_failure_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    lockouts          INTEGER      NOT NULL,
    locked_until      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX auth_throttle_subject ON auth_throttle (subject);
CREATE INDEX auth_throttle_locked ON auth_throttle (locked_until);

-- Access tokens revoked before their expiry (RFC 7009), by token id (jti); kept until they would
-- have expired anyway, then purged.
CREATE TABLE revoked_token (
    jti           VARCHAR(64)  PRIMARY KEY,
    subject       VARCHAR(100) NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX revoked_token_expiry ON revoked_token (expires_at);
