package vn.egov.reporting.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * A reporting system connected system-to-system (a ministry's or a province's own): registered at
 * its first bulk import, with the regimes it supplies and the outcome of its last import.
 */
@Entity
@Table(name = "reporting_connected_system")
public class ConnectedSystem {

    @Id
    @Column(name = "client_id", length = 100)
    private String clientId;

    @Column(name = "agency_code", nullable = false, length = 20)
    private String agencyCode;

    @Column(name = "regimes", nullable = false, length = 1000)
    private String regimes = "";

    @Column(name = "imports", nullable = false)
    private int imports;

    @Column(name = "failed_imports", nullable = false)
    private int failedImports;

    @Column(name = "last_import_at", nullable = false)
    private OffsetDateTime lastImportAt;

    @Column(name = "last_regime", nullable = false, length = 40)
    private String lastRegime;

    @Column(name = "last_status", nullable = false, length = 10)
    private String lastStatus;

    @Column(name = "last_dry_run", nullable = false)
    private boolean lastDryRun;

    @Column(name = "last_imported", nullable = false)
    private int lastImported;

    @Column(name = "last_updated", nullable = false)
    private int lastUpdated;

    @Column(name = "last_ignored", nullable = false)
    private int lastIgnored;

    @Column(name = "last_conflicts", nullable = false)
    private int lastConflicts;

    @Column(name = "last_error", length = 500)
    private String lastError;

    protected ConnectedSystem() {}

    public ConnectedSystem(String clientId, String agencyCode) {
        this.clientId = clientId;
        this.agencyCode = agencyCode;
    }

    /** Records one import (a dry run too: it tells the operator the system is trying). */
    public void imported(
            String regime,
            OffsetDateTime at,
            String status,
            boolean dryRun,
            int imported,
            int updated,
            int ignored,
            int conflicts,
            String error) {
        TreeSet<String> all = new TreeSet<>(regimes());
        all.add(regime);
        String joined = String.join(",", all);
        if (joined.length() <= 1000) {
            regimes = joined;
        }
        imports++;
        if ("ERROR".equals(status)) {
            failedImports++;
        }
        lastImportAt = at;
        lastRegime = regime;
        lastStatus = status;
        lastDryRun = dryRun;
        lastImported = imported;
        lastUpdated = updated;
        lastIgnored = ignored;
        lastConflicts = conflicts;
        lastError = error == null || error.length() <= 500 ? error : error.substring(0, 499) + "…";
    }

    public List<String> regimes() {
        return regimes.isEmpty() ? List.of() : Arrays.asList(regimes.split(","));
    }

    public String getClientId() {
        return clientId;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public int getImports() {
        return imports;
    }

    public int getFailedImports() {
        return failedImports;
    }

    public OffsetDateTime getLastImportAt() {
        return lastImportAt;
    }

    public String getLastRegime() {
        return lastRegime;
    }

    public String getLastStatus() {
        return lastStatus;
    }

    public boolean isLastDryRun() {
        return lastDryRun;
    }

    public int getLastImported() {
        return lastImported;
    }

    public int getLastUpdated() {
        return lastUpdated;
    }

    public int getLastIgnored() {
        return lastIgnored;
    }

    public int getLastConflicts() {
        return lastConflicts;
    }

    public String getLastError() {
        return lastError;
    }
}
