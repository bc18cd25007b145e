package org.chorus.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
        FilterAnswers.refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "Input not accepted", MESSAGE);
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
