package vn.egov.sandbox.payment;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The page where the demo citizen pays ({@code /pp-sandbox/pay?ref=<MaThamChieu>}), as a bank's
 * test environment shows it: the amount and the description, and buttons to pay, to have the bank
 * refuse, to leave without paying, or to have the bank not answer (pending). The box "lose the
 * confirm" makes the platform not call the partner back, so the partner's reconciliation has to
 * find out. A pending transaction is settled later on the same page (paid or failed). After a
 * decision the browser goes back to the partner ({@code pp.sandbox.return-url}) with
 * {@code MaThamChieu} and {@code MaLoi}.
 */
@WebServlet("/pay")
public class PayServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient SandboxPlatform platform;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<SandboxTransaction> found = platform.find(request.getParameter("ref"));
        if (found.isEmpty()) {
            response.sendError(404, "Không có giao dịch này");
            return;
        }
        page(response, found.get(), null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        Optional<SandboxTransaction> found = platform.find(request.getParameter("ref"));
        if (found.isEmpty()) {
            response.sendError(404, "Không có giao dịch này");
            return;
        }
        SandboxTransaction t = found.get();
        t.loseConfirm = "on".equals(request.getParameter("lose"));
        String action = request.getParameter("action");
        boolean open =
                t.outcome == SandboxTransaction.Outcome.WAITING || t.outcome == SandboxTransaction.Outcome.PENDING;
        if (!open || action == null) {
            page(response, t, "Giao dịch đã kết thúc.");
            return;
        }
        SandboxTransaction.Outcome outcome = switch (action) {
            case "pay" -> SandboxTransaction.Outcome.PAID;
            case "fail" -> SandboxTransaction.Outcome.FAILED;
            case "abandon" -> SandboxTransaction.Outcome.ABANDONED;
            case "pending" -> SandboxTransaction.Outcome.PENDING;
            default -> null;
        };
        if (outcome == null) {
            page(response, t, "Thao tác không hợp lệ.");
            return;
        }
        platform.settle(t, outcome, request.getParameter("bank"));
        if (outcome == SandboxTransaction.Outcome.PENDING) {
            page(response, t, "Ngân hàng chưa phản hồi: giao dịch đang chờ xử lý.");
            return;
        }
        String back = platform.returnUrl();
        String error = outcome == SandboxTransaction.Outcome.PAID ? "00" : "01";
        response.sendRedirect(back + (back.contains("?") ? "&" : "?") + "MaThamChieu="
                + URLEncoder.encode(t.reference, StandardCharsets.UTF_8) + "&MaLoi=" + error);
    }

    private static void page(HttpServletResponse response, SandboxTransaction t, String note) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        out.println("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"UTF-8\">"
                + "<title>Cổng thanh toán (môi trường thử nghiệm)</title></head><body>");
        out.println("<h1>Nền tảng thanh toán — môi trường thử nghiệm</h1>");
        out.println("<p>Đây là hệ thống thử nghiệm: không có tiền thật được chuyển.</p>");
        out.println("<dl><dt>Mã tham chiếu</dt><dd id=\"ref\">" + html(t.reference) + "</dd>");
        out.println("<dt>Số tiền</dt><dd id=\"amount\">" + html(t.amount) + "</dd>");
        out.println("<dt>Nội dung</dt><dd id=\"info\">" + html(t.description) + "</dd>");
        out.println("<dt>Trạng thái</dt><dd id=\"outcome\">" + t.outcome + "</dd>");
        out.println("<dt>Xác nhận gửi đối tác</dt><dd id=\"confirm\">" + t.lastConfirmStatus + "</dd></dl>");
        if (note != null) {
            out.println("<p id=\"note\">" + html(note) + "</p>");
        }
        boolean open =
                t.outcome == SandboxTransaction.Outcome.WAITING || t.outcome == SandboxTransaction.Outcome.PENDING;
        if (open) {
            out.println("<form id=\"pay\" method=\"post\" action=\"pay\">");
            out.println("<input type=\"hidden\" name=\"ref\" value=\"" + html(t.reference) + "\">");
            out.println("<label>Ngân hàng <select id=\"bank\" name=\"bank\"><option>NCB</option>"
                    + "<option>VCB</option><option>BIDV</option></select></label>");
            out.println("<label><input type=\"checkbox\" id=\"lose\" name=\"lose\"" + (t.loseConfirm ? " checked" : "")
                    + "> Làm mất bản tin xác nhận gửi đối tác</label>");
            out.println("<button id=\"doPay\" name=\"action\" value=\"pay\">Thanh toán</button>");
            out.println("<button id=\"doFail\" name=\"action\" value=\"fail\">Giao dịch thất bại</button>");
            if (t.outcome == SandboxTransaction.Outcome.WAITING) {
                out.println(
                        "<button id=\"doPending\" name=\"action\" value=\"pending\">Ngân hàng không phản hồi</button>");
                out.println("<button id=\"doAbandon\" name=\"action\" value=\"abandon\">Hủy, quay lại</button>");
            }
            out.println("</form>");
        }
        out.println("</body></html>");
    }

    static String html(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
