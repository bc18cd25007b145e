package org.chorus.console.web;

import java.util.List;

/**
 * A service said no (4xx) or could not answer (5xx, or unreachable: 503). Pages show it translated: by the message
 * code the service sent in its problem+json ({@code code}), else by status, with the fields it named.
 */
public class ServiceProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final List<String> fields;

    public ServiceProblem(int status, String code, List<String> fields) {
        super("service answered " + status + (code == null ? "" : " " + code));
        this.status = status;
        this.code = code;
        this.fields = List.copyOf(fields);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<String> fields() {
        return fields;
    }
}
