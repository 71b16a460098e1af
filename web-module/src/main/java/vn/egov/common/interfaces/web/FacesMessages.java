package vn.egov.common.interfaces.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import vn.egov.common.DomainException;

/** Shows a refusal on the page in the person's language: the bundle's text for its code, else its detail. */
public final class FacesMessages {

    private FacesMessages() {}

    /**
     * The refusal's text in the person's language, its named arguments put in ({@code {max}} in the text is the
     * refusal's argument {@code max}); the English detail only for a code without a text, which
     * ErrorCodeTextsTest does not let through.
     */
    public static void refusal(DomainException e) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String text;
        try {
            text = bundle(faces).getString("error." + e.code());
            for (Map.Entry<String, Object> argument : e.arguments().entrySet()) {
                text = text.replace("{" + argument.getKey() + "}", String.valueOf(argument.getValue()));
            }
        } catch (MissingResourceException missing) {
            text = e.getMessage();
        }
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    /** A localised error on one field (its client id), and the request marked as failing validation. */
    public static void fieldError(String clientId, String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(
                clientId,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, bundle(faces).getString(key), null));
        faces.validationFailed();
    }

    public static void info(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(
                null, new FacesMessage(FacesMessage.SEVERITY_INFO, bundle(faces).getString(key), null));
    }

    /** The text of a bundle key in the person's language. */
    public static String text(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return bundle(faces).getString(key);
    }

    private static ResourceBundle bundle(FacesContext faces) {
        return faces.getApplication().getResourceBundle(faces, "msg");
    }
}
