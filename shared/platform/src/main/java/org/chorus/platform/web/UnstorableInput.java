package org.chorus.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * PostgreSQL cannot store a NUL character in text. A request that carries one in its path, query or form fields is
 * answered 400 before it reaches a controller: problem+json for the APIs, a short page otherwise.
 *
 * <p>Except a form posted to a page listed in {@code chorus.web.forms-checking-their-fields} (path prefixes such as
 * {@code /sign/}): there the short English page would lose everything the person typed, so a NUL in a form field
 * (never in the path or query) goes on to the page, whose every field passes {@link
 * org.chorus.platform.text.HumanText} (which refuses it, naming the field) or is compared, never stored, and the form
 * comes back in the person's language with the field marked and the rest as typed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class UnstorableInput extends OncePerRequestFilter {
    private static final String MESSAGE =
            "Your input contains a NUL character, which cannot be stored. Please remove it and try again.";

    private final List<String> formsCheckingTheirFields;

    public UnstorableInput(Environment environment) {
        this.formsCheckingTheirFields = Binder.get(environment)
                .bind("chorus.web.forms-checking-their-fields", Bindable.listOf(String.class))
                .orElse(List.of())
                .stream()
                .filter(prefix -> !prefix.isBlank() && !prefix.startsWith("/api/"))
                .toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!carriesNul(request)) {
            chain.doFilter(request, response);
            return;
        }
        FilterAnswers.refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "Input not accepted", MESSAGE);
    }

    private boolean carriesNul(HttpServletRequest request) {
        String query = request.getQueryString();
        String uri = request.getRequestURI();
        if (uri.contains("%00") || uri.indexOf('\u0000') >= 0 || (query != null && query.contains("%00"))) {
            return true;
        }
        if ("POST".equals(request.getMethod())
                && formsCheckingTheirFields.stream().anyMatch(uri::startsWith)) {
            return false;
        }
        return request.getParameterMap().values().stream()
                .flatMap(Arrays::stream)
                .anyMatch(value -> value.indexOf('\u0000') >= 0);
    }
}
