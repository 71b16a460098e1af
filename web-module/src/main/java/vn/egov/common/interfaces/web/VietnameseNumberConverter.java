package vn.egov.common.interfaces.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.Locale;

/**
 * The one number format of the intranet (issue 14), for report entry and every figure shown:
 * {@code 1.250,5}, read back from {@code 1.250,5} or {@code 1250.5} (see {@link VietnameseNumbers}).
 * Shown with at most {@value #DEFAULT_FRACTION_DIGITS} decimals, so an entered figure comes back as
 * typed; a page that shows rounded figures says so with
 * {@code <f:attribute name="fractionDigits" value="2"/>}. Refused input is a localised message on
 * the field and stays in it for the person to correct.
 */
@FacesConverter("egov.number")
public class VietnameseNumberConverter implements Converter<Object> {

    static final int DEFAULT_FRACTION_DIGITS = 6;

    @Override
    public BigDecimal getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return VietnameseNumbers.parse(value)
                .orElseThrow(() -> new ConverterException(new FacesMessage(
                        FacesMessage.SEVERITY_ERROR,
                        new MessageFormat(FacesMessages.text("input.number.invalid"), Locale.ROOT)
                                .format(new Object[] {value.strip()}),
                        null)));
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Object value) {
        if (value == null) {
            return "";
        }
        BigDecimal number = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        return VietnameseNumbers.format(number, fractionDigits(component));
    }

    private static int fractionDigits(UIComponent component) {
        Object wanted = component == null ? null : component.getAttributes().get("fractionDigits");
        if (wanted == null) {
            return DEFAULT_FRACTION_DIGITS;
        }
        return wanted instanceof Number n
                ? n.intValue()
                : Integer.parseInt(wanted.toString().strip());
    }
}
