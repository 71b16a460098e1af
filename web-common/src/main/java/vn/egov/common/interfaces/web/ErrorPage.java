package vn.egov.common.interfaces.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/**
 * The error page (the intranet's or the portal's, each WAR's own {@code /error.xhtml}) for a request a filter refuses before the Faces servlet sees it. Not {@code sendError}:
 * the error page is a Faces page, and given the refused POST it would parse that form itself (an oversized one, or
 * one from another site, with its view state); it sees a plain GET without parameters instead.
 */
public final class ErrorPage {

    /** Request attribute the error page reads its status from. */
    public static final String STATUS = "egovErrorStatus";

    private ErrorPage() {}

    public static void render(HttpServletRequest request, HttpServletResponse response, int status)
            throws IOException, ServletException {
        request.setAttribute(STATUS, status);
        response.setStatus(status);
        request.getRequestDispatcher("/error.xhtml").forward(new Unread(request), response);
    }

    /** The refused request as the error page sees it: a plain GET without parameters, its body never read. */
    private static final class Unread extends HttpServletRequestWrapper {
        Unread(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }
}
