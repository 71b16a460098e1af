package vn.egov.portal.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * The running number of dossier codes for one receiving agency and one receipt day (Decree
 * 61/2018: agency code + receipt date + sequence). Kept in the database, locked while a number is
 * taken, so two instances never hand out the same code.
 */
@Entity
@Table(name = "portal_dossier_counter")
@IdClass(DossierCounter.Key.class)
public class DossierCounter {

    /** The counter's key: agency and day. */
    public record Key(String agencyCode, LocalDate day) implements Serializable {
        public Key {}

        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "agency_code", length = 20)
    private String agencyCode;

    @Id
    // Quoted: DAY is a keyword of H2 2.x; in PostgreSQL "day" is the same column as day.
    @Column(name = "\"day\"")
    private LocalDate day;

    @Column(name = "last_number", nullable = false)
    private int lastNumber;

    protected DossierCounter() {}

    public DossierCounter(String agencyCode, LocalDate day) {
        this.agencyCode = agencyCode;
        this.day = day;
    }

    /** Takes the next number of the day, from 1. */
    public int next() {
        return ++lastNumber;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public LocalDate getDay() {
        return day;
    }

    public int getLastNumber() {
        return lastNumber;
    }
}
