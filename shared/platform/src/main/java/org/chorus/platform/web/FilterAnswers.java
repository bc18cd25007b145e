package org.chorus.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The refusal of a servlet filter, which answers before any controller: problem+json on {@code /api/**}, a short page
 * elsewhere. {@code title} and {@code detail} are fixed texts of the filter, never user input.
 */
final class FilterAnswers {

    static void refuse(
            HttpServletRequest request, HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (request.getRequestURI().startsWith("/api/")) {
            response.setContentType("application/problem+json");
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                            + ",\"detail\":\"" + detail + "\"}");
        } else {
            response.setContentType("text/html");
            response.getWriter()
                    .write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                            + "</title></head><body><main><h1>" + title + "</h1><p class=\"error\">" + detail
                            + "</p></main></body></html>");
        }
    }

    private FilterAnswers() {}
}
