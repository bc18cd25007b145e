package org.chorus.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Errors a controller throws; rendered as RFC 9457 problem+json. */
public final class Problems {

    public static ErrorResponseException notFound(String detail) {
        return of(HttpStatus.NOT_FOUND, detail);
    }

    public static ErrorResponseException conflict(String detail) {
        return of(HttpStatus.CONFLICT, detail);
    }

    /** A conflict with a message {@code code} (a problem property) that pages and clients translate. */
    public static ErrorResponseException conflict(String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setProperty("code", code);
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }

    public static ErrorResponseException badRequest(String detail) {
        return of(HttpStatus.BAD_REQUEST, detail);
    }

    /** A bad request with a message {@code code} (a problem property) that pages and clients translate. */
    public static ErrorResponseException badRequest(String code, String detail) {
        ErrorResponseException problem = of(HttpStatus.BAD_REQUEST, detail);
        problem.getBody().setProperty("code", code);
        return problem;
    }

    public static ErrorResponseException of(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    private Problems() {}
}
