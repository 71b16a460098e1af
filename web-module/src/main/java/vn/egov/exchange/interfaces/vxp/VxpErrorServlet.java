package vn.egov.exchange.interfaces.vxp;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import vn.egov.common.interfaces.web.ErrorServlet;

/**
 * The intranet WAR's error servlet: the shared one, plus the VPCP SDK's shape under {@code /vxp/}.
 * The SDK parses nothing but 200 JSON with {@code status}, {@code ErrorCode} and {@code ErrorDesc},
 * whatever the container refused (an unknown operation, a wrong method, an oversized body).
 */
public class VxpErrorServlet extends ErrorServlet {

    @Override
    protected boolean answeredInOwnShape(
            HttpServletRequest request, HttpServletResponse response, String path, int status) throws IOException {
        if (!(path.equals("/vxp") || path.startsWith("/vxp/") || path.startsWith("/vxp;"))) {
            return false;
        }
        String code = switch (status) {
            case 404 -> "vxp.operation.unknown";
            case 405 -> "vxp.method.not-allowed";
            case 413 -> "exchange.payload.too-large";
            case 400 -> "vxp.request.malformed";
            default -> status >= 500 ? "vxp.internal" : "vxp.request.malformed";
        };
        VxpAnswer.write(response, VxpAnswer.fail(code, "HTTP " + status, VxpAnswer.locale(request)));
        return true;
    }
}
