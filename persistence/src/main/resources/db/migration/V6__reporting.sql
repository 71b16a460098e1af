-- Reporting: indicators and reporting regimes as data (Decree 09/2019/NĐ-CP), targets, one report
-- per regime × agency × period with its values. Plain SQL for H2 2.x and PostgreSQL.

CREATE SEQUENCE reporting_seq START WITH 50 INCREMENT BY 50;

-- Chỉ tiêu. aggregation: SUM, AVERAGE, WEIGHTED_AVERAGE (weighted by weight_code), LAST (stock:
-- summed across agencies, the latest period over time), MAX. formula: a derived indicator.
-- total_of: this indicator is a component of that total (components must add up to it).
CREATE TABLE reporting_indicator (
    code          VARCHAR(40)   PRIMARY KEY,
    name          VARCHAR(300)  NOT NULL,
    name_en       VARCHAR(300)  NOT NULL,
    unit          VARCHAR(50)   NOT NULL,
    value_type    VARCHAR(10)   NOT NULL,
    aggregation   VARCHAR(20)   NOT NULL,
    weight_code   VARCHAR(40),
    formula       VARCHAR(500),
    breakdowns    VARCHAR(200),
    total_of      VARCHAR(40),
    min_value     NUMERIC(24,6),
    max_value     NUMERIC(24,6),
    owner_code    VARCHAR(20)   REFERENCES agency (code),
    active        BOOLEAN       NOT NULL
);

-- Chế độ báo cáo: who reports what, how often, by when, to whom.
CREATE TABLE reporting_regime (
    code          VARCHAR(40)   PRIMARY KEY,
    name          VARCHAR(300)  NOT NULL,
    name_en       VARCHAR(300)  NOT NULL,
    legal_basis   VARCHAR(300),
    period_type   VARCHAR(10)   NOT NULL,
    deadline_day  INTEGER       NOT NULL,
    receiver_code VARCHAR(20)   NOT NULL REFERENCES agency (code),
    active        BOOLEAN       NOT NULL
);

CREATE TABLE reporting_regime_indicator (
    regime_code    VARCHAR(40)  NOT NULL REFERENCES reporting_regime (code),
    indicator_code VARCHAR(40)  NOT NULL REFERENCES reporting_indicator (code),
    position       INTEGER      NOT NULL,
    required       BOOLEAN      NOT NULL,
    PRIMARY KEY (regime_code, indicator_code)
);

CREATE TABLE reporting_regime_agency (
    regime_code    VARCHAR(40)  NOT NULL REFERENCES reporting_regime (code),
    agency_code    VARCHAR(20)  NOT NULL REFERENCES agency (code),
    PRIMARY KEY (regime_code, agency_code)
);

-- Chỉ tiêu kế hoạch: a target per indicator, year and agency (agency NULL: the national target).
CREATE TABLE reporting_target (
    id             BIGINT        PRIMARY KEY,
    indicator_code VARCHAR(40)   NOT NULL REFERENCES reporting_indicator (code),
    target_year    INTEGER       NOT NULL,
    agency_code    VARCHAR(20)   REFERENCES agency (code),
    target_value   NUMERIC(24,6) NOT NULL,
    assigned_by    VARCHAR(200)  NOT NULL
);
CREATE INDEX reporting_target_idx ON reporting_target (indicator_code, target_year, agency_code);

-- One report per regime, agency and period: DRAFT → SUBMITTED → APPROVED, or RETURNED with a reason.
CREATE TABLE reporting_report (
    id             BIGINT        PRIMARY KEY,
    regime_code    VARCHAR(40)   NOT NULL REFERENCES reporting_regime (code),
    agency_code    VARCHAR(20)   NOT NULL REFERENCES agency (code),
    period         VARCHAR(10)   NOT NULL,
    status         VARCHAR(10)   NOT NULL,
    deadline       DATE          NOT NULL,
    late           BOOLEAN       NOT NULL,
    created_by     VARCHAR(100)  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_by   VARCHAR(100),
    submitted_at   TIMESTAMP WITH TIME ZONE,
    reviewed_by    VARCHAR(100),
    reviewed_at    TIMESTAMP WITH TIME ZONE,
    return_reason  VARCHAR(1000),
    CONSTRAINT reporting_report_once UNIQUE (regime_code, agency_code, period)
);
CREATE INDEX reporting_report_period_idx ON reporting_report (regime_code, period);

-- The values of a report; agency, period and whether the report is approved are repeated here so
-- that analytics read one index range per indicator and period. breakdown TOTAL is the whole.
CREATE TABLE reporting_value (
    id             BIGINT        PRIMARY KEY,
    report_id      BIGINT        NOT NULL REFERENCES reporting_report (id),
    indicator_code VARCHAR(40)   NOT NULL REFERENCES reporting_indicator (code),
    breakdown      VARCHAR(40)   NOT NULL,
    amount         NUMERIC(24,6) NOT NULL,
    agency_code    VARCHAR(20)   NOT NULL,
    period         VARCHAR(10)   NOT NULL,
    approved       BOOLEAN       NOT NULL,
    CONSTRAINT reporting_value_once UNIQUE (report_id, indicator_code, breakdown)
);
CREATE INDEX reporting_value_analytics_idx ON reporting_value (indicator_code, period, approved, agency_code);
