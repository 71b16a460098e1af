package vn.egov.portal.interfaces.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import vn.egov.portal.domain.model.Payment;

/**
 * Where the payment platform sends the citizen's browser back ({@code /dossiers/payment-return?MaThamChieu=…}):
 * on to the dossier's page, whose code is the reference without its time. What the browser brings
 * is not trusted (only the confirm call and the check call settle a payment); the dossier's page
 * shows what the platform confirmed.
 */
@WebServlet("/dossiers/payment-return")
public class PaymentReturnServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String code = Payment.dossierCodeOf(request.getParameter("MaThamChieu"));
        if (code == null || code.length() > 50) {
            response.sendRedirect(request.getContextPath() + "/dossiers/");
            return;
        }
        response.sendRedirect(request.getContextPath() + "/dossiers/dossier.xhtml?code="
                + URLEncoder.encode(code, StandardCharsets.UTF_8));
    }
}
