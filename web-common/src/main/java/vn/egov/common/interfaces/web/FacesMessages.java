package vn.egov.common.interfaces.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import java.util.Locale;
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

    /**
     * A page that cannot show what its address names (another agency's document, a meeting the
     * person is not in): the refusal's text on the page, and the refusal's status on the answer (404,
     * 403), so a browser, a crawler or a monitoring probe is not told 200 for something that is not
     * there. Only for the page's first rendering (its view action); postbacks keep their status.
     */
    public static void pageRefusal(DomainException e) {
        refusal(e);
        FacesContext faces = FacesContext.getCurrentInstance();
        if (!faces.isPostback()) {
            faces.getExternalContext().setResponseStatus(e.kind().status());
        }
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

    /** An information whose text has arguments ({0}, {1}, …), formatted in the person's language. */
    public static void info(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = new java.text.MessageFormat(
                        bundle(faces).getString(key), faces.getViewRoot().getLocale())
                .format(arguments);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    /** The text of a bundle key in the person's language. */
    public static String text(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return bundle(faces).getString(key);
    }

    /**
     * The bundle in the person's language. Before the page renders (a view action, a first GET) the
     * view's locale is still the one Faces guessed from the request (English for a client that sends
     * no Accept-Language), not the one the template's {@code f:view} will set from {@link LocaleBean};
     * set it first so a refusal met while loading reads in the language the page is shown in.
     */
    private static ResourceBundle bundle(FacesContext faces) {
        UIViewRoot view = faces.getViewRoot();
        if (view != null) {
            Locale wanted = faces.getApplication().evaluateExpressionGet(faces, "#{localeBean.locale}", Locale.class);
            if (wanted != null && !wanted.equals(view.getLocale())) {
                view.setLocale(wanted);
            }
        }
        return faces.getApplication().getResourceBundle(faces, "msg");
    }
}
