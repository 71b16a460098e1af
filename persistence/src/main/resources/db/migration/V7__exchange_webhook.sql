-- Optional push: an agency's document system may register one webhook; every delivery to that
-- agency is then also pushed to it (pull keeps working regardless).
CREATE TABLE exchange_webhook (
    agency_code     VARCHAR(20)   PRIMARY KEY REFERENCES agency (code),
    url             VARCHAR(500)  NOT NULL,
    secret          VARCHAR(64)   NOT NULL,
    registered_by   VARCHAR(100)  NOT NULL,
    registered_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One push per delivery, written in the send's own transaction (so a crash loses none) and retried
-- with back-off until the endpoint answers 2xx or the attempts run out.
CREATE TABLE exchange_push (
    delivery_id     BIGINT        PRIMARY KEY REFERENCES exchange_delivery (id),
    agency_code     VARCHAR(20)   NOT NULL REFERENCES agency (code),
    state           VARCHAR(10)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(500),
    pushed_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX exchange_push_due ON exchange_push (state, next_attempt_at);
CREATE INDEX exchange_push_agency ON exchange_push (agency_code, state);
