package vn.egov.exchange.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * Sổ văn bản đến — an agency's incoming register for one year: arrival numbers run from 1 on
 * 1 January to 31 December, then start again (Decree 30/2020, Art. 22).
 */
@Entity
@Table(name = "incoming_register")
@IdClass(IncomingRegister.Key.class)
public class IncomingRegister {

    /** Agency and year. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String agencyCode;
        private int year;

        public Key() {}

        public Key(String agencyCode, int year) {
            this.agencyCode = agencyCode;
            this.year = year;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.year == year && Objects.equals(k.agencyCode, agencyCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(agencyCode, year);
        }
    }

    @Id
    @Column(name = "agency_code", length = 20)
    private String agencyCode;

    @Id
    @Column(name = "register_year")
    private int year;

    @Column(name = "last_number", nullable = false)
    private int lastNumber;

    protected IncomingRegister() {}

    public IncomingRegister(String agencyCode, int year) {
        this.agencyCode = agencyCode;
        this.year = year;
    }

    public int next() {
        return ++lastNumber;
    }
}
