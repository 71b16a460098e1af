package vn.egov.exchange.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import vn.egov.common.DomainException;
import vn.egov.common.interfaces.web.FacesMessages;
import vn.egov.exchange.application.ExchangeService;
import vn.egov.exchange.application.Views;

/** Thống kê — documents sent and received per agency and period, as a table and a bar chart. */
@Named
@ViewScoped
public class StatisticsBean implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Inject
    private ExchangeService exchange;

    private LocalDate from = LocalDate.now(ZoneOffset.ofHours(7)).withDayOfMonth(1);
    private LocalDate to = LocalDate.now(ZoneOffset.ofHours(7));
    private List<Views.AgencyStatistics> rows = List.of();
    private long max = 1;

    @PostConstruct
    void init() {
        load();
    }

    public void load() {
        try {
            rows = exchange.statistics(from, to);
            max = Math.max(
                    1,
                    rows.stream()
                            .mapToLong(r -> Math.max(r.sent(), r.received()))
                            .max()
                            .orElse(1));
        } catch (DomainException e) {
            FacesMessages.refusal(e);
            rows = List.of();
        }
    }

    /** A bar's width in percent of the busiest agency's larger count. */
    public long width(long count) {
        return Math.round(100.0 * count / max);
    }

    public long getTotalSent() {
        return rows.stream().mapToLong(Views.AgencyStatistics::sent).sum();
    }

    public long getTotalReceived() {
        return rows.stream().mapToLong(Views.AgencyStatistics::received).sum();
    }

    public List<Views.AgencyStatistics> getRows() {
        return rows;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
