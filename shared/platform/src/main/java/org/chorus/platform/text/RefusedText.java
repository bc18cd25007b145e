package org.chorus.platform.text;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A human-entered text that {@link HumanText} does not accept. {@link #field()} names the field as the form or the
 * JSON body calls it; {@link #messageKey()} is the page text that explains it to a signer in their language. As an
 * {@link ErrorResponseException} it is answered by every API as 400 problem+json with {@code errors: [{field,
 * message}]}, the shape of bean-validation errors, and caught by console pages like their other field problems.
 */
public final class RefusedText extends ErrorResponseException {

    /** Why a text was refused. */
    public enum Reason {
        /** A character that ends a line (line feed, carriage return, U+2028, U+2029, U+0085...) in a one-line field. */
        LINE_BREAK("must be one line of text, without line breaks", "error.text.lineBreak"),
        /** A control character (NUL, TAB, ESC, BEL, DEL, C1...), which no one types and no page can show. */
        CONTROL("contains a control character (such as NUL, TAB or ESC) that cannot be stored", "error.text.control"),
        /** Half of a surrogate pair: not a character at all. */
        BROKEN("contains a broken character that cannot be stored", "error.text.control"),
        /** More code points than the field holds. */
        TOO_LONG("is too long", "error.text.long");

        private final String message;
        private final String messageKey;

        Reason(String message, String messageKey) {
            this.message = message;
            this.messageKey = messageKey;
        }

        public String message() {
            return message;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private final String field;
    private final Reason reason;
    private final int maxCodePoints;

    RefusedText(String field, Reason reason, int maxCodePoints) {
        super(HttpStatus.BAD_REQUEST, problem(field, describe(reason, maxCodePoints)), null);
        this.field = field;
        this.reason = reason;
        this.maxCodePoints = maxCodePoints;
    }

    private static ProblemDetail problem(String field, String message) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The " + field + " " + message + ".");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }

    @Override
    public String getMessage() {
        return field + " " + problem();
    }

    private static String describe(Reason reason, int maxCodePoints) {
        return reason == Reason.TOO_LONG ? "must be at most " + maxCodePoints + " characters" : reason.message();
    }

    public String field() {
        return field;
    }

    public Reason reason() {
        return reason;
    }

    public int maxCodePoints() {
        return maxCodePoints;
    }

    /** What the field's problem says in English, without the field's name: "must be one line of text...". */
    public String problem() {
        return describe(reason, maxCodePoints);
    }

    /** The page text for this refusal: {@code error.text.lineBreak}, {@code error.text.control}, {@code error.text.long}. */
    public String messageKey() {
        return reason.messageKey();
    }
}
