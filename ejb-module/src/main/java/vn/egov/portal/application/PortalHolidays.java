package vn.egov.portal.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import vn.egov.common.DomainException;
import vn.egov.common.TextRule;
import vn.egov.directory.domain.model.Role;
import vn.egov.portal.domain.model.Holiday;

/**
 * The public holidays of the working-day calendar, as data a system administrator keeps to the
 * Government's yearly notice (the lunar holidays and the moved days off change every year).
 */
@Stateless
public class PortalHolidays {

    private static final int MAX_NAME = 200;

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    /** The holidays of a year, by day. {@code PermitAll}: public reference data, like the catalogue. */
    @PermitAll
    public List<DossierViews.HolidayView> year(int year) {
        return em
                .createQuery(
                        "SELECT h FROM Holiday h WHERE h.day >= :from AND h.day < :to ORDER BY h.day", Holiday.class)
                .setParameter("from", LocalDate.of(year, 1, 1))
                .setParameter("to", LocalDate.of(year + 1, 1, 1))
                .getResultList()
                .stream()
                .map(h -> new DossierViews.HolidayView(h.getDay(), h.getName()))
                .toList();
    }

    /** Adds or renames the holiday of {@code day}; returns whether it was new. */
    @RolesAllowed(Role.SYSADMIN_ROLE)
    public boolean put(LocalDate day, String name) {
        String checked = name == null ? "" : TextRule.require("name", name.strip(), true);
        if (checked.isEmpty() || checked.length() > MAX_NAME) {
            throw DomainException.invalid(
                    "portal.holiday.name-invalid", "a holiday has a name of 1 to " + MAX_NAME + " characters");
        }
        Holiday existing = em.find(Holiday.class, day);
        if (existing != null) {
            existing.rename(checked);
            return false;
        }
        em.persist(new Holiday(day, checked));
        return true;
    }

    /** Removes the holiday of {@code day}; 404 {@code portal.holiday.not-found} when there is none. */
    @RolesAllowed(Role.SYSADMIN_ROLE)
    public void remove(LocalDate day) {
        Holiday existing = em.find(Holiday.class, day);
        if (existing == null) {
            throw DomainException.notFound("portal.holiday.not-found", "no holiday on " + day);
        }
        em.remove(existing);
    }

    /**
     * The calendar due dates are counted in, with every holiday from {@code from} on.
     * {@code PermitAll}: the dossier services call it for their already authorised callers.
     */
    @PermitAll
    public WorkingDays calendar(LocalDate from) {
        return new WorkingDays(
                new HashSet<>(em.createQuery("SELECT h.day FROM Holiday h WHERE h.day >= :from", LocalDate.class)
                        .setParameter("from", from)
                        .getResultList()));
    }
}
