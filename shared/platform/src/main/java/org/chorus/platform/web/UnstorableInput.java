package org.chorus.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * PostgreSQL cannot store a NUL character in text. A request that carries one in its path, query or form fields is
 * answered 400 before it reaches a controller: problem+json for the APIs, a short page otherwise.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class UnstorableInput extends OncePerRequestFilter {
    private static final String MESSAGE =
            "Your input contains a NUL character, which cannot be stored. Please remove it and try again.";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!carriesNul(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (request.getRequestURI().startsWith("/api/")) {
            response.setContentType("application/problem+json");
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"" + MESSAGE
                            + "\"}");
        } else {
            response.setContentType("text/html");
            response.getWriter()
                    .write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Input not accepted"
                            + "</title></head><body><main><h1>Input not accepted</h1><p class=\"error\">" + MESSAGE
                            + "</p></main></body></html>");
        }
    }

    private static boolean carriesNul(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI().contains("%00")
                || request.getRequestURI().indexOf('\u0000') >= 0
                || (query != null && query.contains("%00"))
                || request.getParameterMap().values().stream()
                        .flatMap(Arrays::stream)
                        .anyMatch(value -> value.indexOf('\u0000') >= 0);
    }
}
