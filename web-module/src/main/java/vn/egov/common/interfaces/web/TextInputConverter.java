package vn.egov.common.interfaces.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.html.HtmlInputTextarea;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import vn.egov.common.TextRule;

/**
 * Every text field of the intranet goes through the platform's {@link TextRule}: registered for
 * {@code String}, so Faces applies it to each input bound to a String without a word in the pages.
 * Text areas may hold line breaks, other fields are single-line. U+FFFD is refused as well: the
 * servlet container puts it in place of bytes that were not UTF-8, and a browser never sends those,
 * so it stands for input that was not text. The refusal is a localised message on the field; the
 * value the person typed stays in the form.
 */
@FacesConverter(forClass = String.class)
public class TextInputConverter implements Converter<String> {

    static final char REPLACEMENT = '\uFFFD';

    @Override
    public String getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null) {
            return null;
        }
        boolean singleLine = !(component instanceof HtmlInputTextarea);
        if (!TextRule.acceptable(value, singleLine) || value.indexOf(REPLACEMENT) >= 0) {
            String text = FacesMessages.text(
                    singleLine
                                    && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)
                                    && TextRule.acceptable(value, false)
                            ? "input.text.line-break"
                            : "input.text.invalid");
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        }
        return value;
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, String value) {
        return value == null ? "" : value;
    }
}
