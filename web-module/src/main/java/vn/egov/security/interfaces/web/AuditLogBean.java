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

    /**
     * An event's detail as the administrator reads it: the fixed phrases the services record (in English, for the
     * log's other readers) in the person's language; free details (addresses, codes, token ids) as recorded.
     */
    public String detail(String recorded) {
        if (recorded == null || recorded.isBlank()) {
            return "";
        }
        try {
            return vn.egov.common.interfaces.web.FacesMessages.text(
                    "audit.detail." + recorded.trim().replace(' ', '-'));
        } catch (java.util.MissingResourceException free) {
            return recorded;
        }
    }

    /** The caller's address, IPv6 written short (RFC 5952: {@code ::1}, not {@code 0:0:0:0:0:0:0:1}). */
    public String address(String recorded) {
        if (recorded == null || !recorded.contains(":") || recorded.contains("::")) {
            return recorded;
        }
        String[] groups = recorded.split(":", -1);
        if (groups.length != 8) {
            return recorded;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j].replaceFirst("^0+(?=.)", "").equals("0")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            out.append(groups[i].replaceFirst("^0+(?=.)", "").toLowerCase(java.util.Locale.ROOT));
            if (i < 7) {
                out.append(':');
            }
        }
        return out.toString();
    }

    public List<SecurityEvent> getEvents() {
        if (events == null) {
            load();
        }
        return events;
    }
}
