package vn.egov.common.interfaces.rest;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@code /openapi}: the API's OpenAPI 3 description. The document is written contract-first
 * ({@code openapi.yaml} beside this class) because the partner contracts are fixed by the issues;
 * a unit test fails when a resource method is missing from it. Served by the application because
 * Payara's generated endpoint does not see an EAR deployed at the root context.
 */
@WebServlet("/openapi")
public class OpenApiServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/yaml");
        response.setCharacterEncoding("UTF-8");
        try (InputStream document = OpenApiServlet.class.getResourceAsStream("openapi.yaml")) {
            document.transferTo(response.getOutputStream());
        }
    }
}
