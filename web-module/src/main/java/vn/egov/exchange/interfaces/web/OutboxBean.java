package vn.egov.exchange.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import vn.egov.common.DomainException;
import vn.egov.common.interfaces.web.FacesMessages;
import vn.egov.exchange.application.ExchangeService;
import vn.egov.exchange.application.Views;

/** Văn bản đi — what the agency sent, with each recipient's status. */
@Named
@ViewScoped
public class OutboxBean implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Inject
    private ExchangeService exchange;

    private List<Views.OutboxItem> items = List.of();

    @PostConstruct
    void init() {
        try {
            items = exchange.outbox();
        } catch (DomainException e) {
            FacesMessages.refusal(e);
        }
    }

    public List<Views.OutboxItem> getItems() {
        return items;
    }
}
