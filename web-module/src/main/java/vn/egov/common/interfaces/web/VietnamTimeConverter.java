package vn.egov.common.interfaces.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Shows a moment as Vietnamese clock time, {@code dd/MM/yyyy HH:mm} in Asia/Ho_Chi_Minh. The
 * standard converter formats an {@code OffsetDateTime} in its own offset (UTC, as stored) and
 * ignores {@code timeZone}, so pages showed times seven hours early.
 */
@FacesConverter("egov.vietnamTime")
public class VietnamTimeConverter implements Converter<OffsetDateTime> {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    @Override
    public String getAsString(FacesContext context, UIComponent component, OffsetDateTime value) {
        return value == null ? "" : FORMAT.format(value.atZoneSameInstant(VIETNAM));
    }

    @Override
    public OffsetDateTime getAsObject(FacesContext context, UIComponent component, String value) {
        throw new ConverterException("display only");
    }
}
