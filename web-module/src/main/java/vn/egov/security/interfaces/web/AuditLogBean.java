package vn.egov.security.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import vn.egov.security.application.AuditLog;
import vn.egov.security.domain.model.SecurityEvent;
import vn.egov.security.domain.model.SecurityEventType;

/** The security audit log page for system administrators: the newest events, filterable by type. */
@Named
@ViewScoped
public class AuditLogBean implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Inject
    private AuditLog audit;

    private SecurityEventType type;
    private transient List<SecurityEvent> events;

    @PostConstruct
    void init() {
        load();
    }

    public void load() {
        events = audit.recent(type, 0, 200);
    }

    public SecurityEventType[] getTypes() {
        return SecurityEventType.values();
    }

    public SecurityEventType getType() {
        return type;
    }

    public void setType(SecurityEventType type) {
        this.type = type;
    }

    public List<SecurityEvent> getEvents() {
        if (events == null) {
            load();
        }
        return events;
    }
}
