package vn.egov.portal.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * Ngày nghỉ lễ — a day that is not a working day although it falls on a weekday. Data an admin
 * maintains each year from the Government's notice, because the lunar holidays and the moved days
 * off change every year.
 */
@Entity
@Table(name = "portal_holiday")
public class Holiday {

    @Id
    // Quoted: DAY is a keyword of H2 2.x; in PostgreSQL "day" is the same column as day.
    @Column(name = "\"day\"")
    private LocalDate day;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    protected Holiday() {}

    public Holiday(LocalDate day, String name) {
        this.day = day;
        this.name = name;
    }

    public LocalDate getDay() {
        return day;
    }

    public String getName() {
        return name;
    }

    public void rename(String name) {
        this.name = name;
    }
}
