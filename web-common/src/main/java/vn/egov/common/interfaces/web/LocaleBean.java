package vn.egov.common.interfaces.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serial;
import java.io.Serializable;
import java.util.Locale;

/** The language of the pages (the intranet's and the portal's): Vietnamese first, English on request, kept for the session. */
@Named
@SessionScoped
public class LocaleBean implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private Locale locale = Locale.forLanguageTag("vi");

    public Locale getLocale() {
        return locale;
    }

    public String getLanguage() {
        return locale.getLanguage();
    }

    public boolean isEnglish() {
        return "en".equals(locale.getLanguage());
    }

    public void switchTo(String language) {
        locale = Locale.forLanguageTag("en".equals(language) ? "en" : "vi");
        FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
    }
}
