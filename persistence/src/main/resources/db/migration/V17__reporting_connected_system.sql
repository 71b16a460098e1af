-- The registry of connected reporting systems: a ministry's or province's own reporting system that
-- pushes figures in bulk (POST /api/v1/reporting/datavaluesets). A row is created at a system's first
-- import and keeps what the operator needs: its agency, the regimes it supplies, its last import.
CREATE TABLE reporting_connected_system (
    client_id        VARCHAR(100)  PRIMARY KEY,
    agency_code      VARCHAR(20)   NOT NULL,
    regimes          VARCHAR(1000) NOT NULL,
    imports          INTEGER       NOT NULL,
    failed_imports   INTEGER       NOT NULL,
    last_import_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_regime      VARCHAR(40)   NOT NULL,
    last_status      VARCHAR(10)   NOT NULL,
    last_dry_run     BOOLEAN       NOT NULL,
    last_imported    INTEGER       NOT NULL,
    last_updated     INTEGER       NOT NULL,
    last_ignored     INTEGER       NOT NULL,
    last_conflicts   INTEGER       NOT NULL,
    last_error       VARCHAR(500)
);
CREATE INDEX reporting_connected_system_agency ON reporting_connected_system (agency_code);
