package vn.egov.portal.interfaces.signin;

import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.egov.common.interfaces.web.Origins;

/**
 * Sign-out (a POST from the portal's header; the same-origin rule of {@code WebHardening} keeps other sites from
 * signing a citizen out): the portal's session ends, then the browser posts the identity provider's end-session
 * request ({@code id_token_hint}, {@code post_logout_redirect_uri}: the portal's home page), which ends the citizen's
 * single sign-on session for every portal. A form post rather than a redirect, so the ID token never travels in an
 * address; the page submits itself with a script of the portal's own and offers a button without scripts.
 */
@WebServlet(SignInPaths.SIGN_OUT)
public class SignOutServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(SignOutServlet.class.getName());

    @Inject
    private OidcSettings oidc;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        String idToken =
                session == null ? null : (String) session.getAttribute(PortalAuthenticationMechanism.SESSION_ID_TOKEN);
        request.logout();
        if (session != null) {
            session.invalidate();
        }
        URI endSession = null;
        if (idToken != null) {
            try {
                endSession = oidc.provider().metadata().getEndSessionEndpointURI();
            } catch (IOException | GeneralException e) {
                LOG.log(Level.WARNING, "the identity provider does not answer: signed out of the portal only", e);
            }
        }
        if (endSession == null) {
            response.sendRedirect(request.getContextPath() + "/");
            return;
        }
        Map<String, List<String>> fields;
        try {
            LogoutRequest logout = new LogoutRequest(endSession, JWTParser.parse(idToken), oidc.home(), null);
            fields = logout.toParameters();
        } catch (java.text.ParseException e) {
            response.sendRedirect(request.getContextPath() + "/");
            return;
        }
        String provider = Origins.of(endSession.toString()).orElse("'none'");
        response.setHeader(
                "Content-Security-Policy",
                "default-src 'none'; script-src 'self'; style-src 'self'; form-action 'self' " + provider
                        + "; base-uri 'none'; frame-ancestors 'none'");
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        PrintWriter page = response.getWriter();
        page.write("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Đăng xuất · Sign out</title>"
                + "<script src=\"" + attribute(request.getContextPath()) + "/resources/js/sign-out.js\" defer></script>"
                + "</head><body><form id=\"endSession\" method=\"post\" action=\"" + attribute(endSession.toString())
                + "\">");
        fields.forEach((name, values) -> values.forEach(value -> page.write(
                "<input type=\"hidden\" name=\"" + attribute(name) + "\" value=\"" + attribute(value) + "\">")));
        page.write("<input type=\"hidden\" name=\"client_id\" value=\""
                + attribute(oidc.clientID().getValue())
                + "\"><p>Đang đăng xuất… · Signing out…</p>"
                + "<button type=\"submit\" id=\"continueSignOut\">Tiếp tục · Continue</button></form></body></html>");
    }

    /** Text as an HTML attribute value (in double quotes). */
    static String attribute(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
