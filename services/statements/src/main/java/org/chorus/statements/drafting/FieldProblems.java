package org.chorus.statements.drafting;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A 400 naming the field, in the same shape as bean-validation errors. */
public final class FieldProblems {
    private static final Set<String> LANGUAGES = Set.of(java.util.Locale.getISOLanguages());

    public static ErrorResponseException invalid(String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    /** The same, with a message {@code code} that pages translate. */
    public static ErrorResponseException invalid(String field, String detail, String code) {
        ErrorResponseException refused = invalid(field, detail);
        refused.getBody().setProperty("code", code);
        return refused;
    }

    /** ISO 639-1 codes only: two lower-case letters that name a language. */
    public static String language(String field, String code) {
        if (code == null || !code.matches("[a-z]{2}") || !LANGUAGES.contains(code)) {
            throw invalid(field, "Unknown language '" + code + "': use an ISO 639-1 code such as en, fr, ar.");
        }
        return code;
    }

    private FieldProblems() {}
}
