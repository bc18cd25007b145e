package org.chorus.platform.web;

import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * PostgreSQL cannot store a NUL character in text, and JSON can carry one as {@code \u0000}. Every JSON body read by
 * a controller goes through this String reader, which refuses such a string while the body is read; {@link ApiErrors}
 * answers 400 problem+json naming the field, so nothing reaches SQL (the form and query side is
 * {@link UnstorableInput}). Events on Kafka are read by their own codec and are not affected.
 */
public final class NulInJson {
    static final String PROBLEM = "contains a NUL character, which cannot be stored";

    /** Registered into the service's JSON mapper by Spring Boot, as every JacksonModule bean is. */
    public static JacksonModule module() {
        return new SimpleModule("chorus-nul-in-json").addDeserializer(String.class, new Strings());
    }

    /** The string a JSON body gave, refused when it holds NUL. */
    static final class Strings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw new Refused(parser);
            }
            return value;
        }
    }

    /** Thrown while reading; Jackson adds the path of the field. */
    static final class Refused extends MismatchedInputException {
        Refused(JsonParser parser) {
            super(parser, PROBLEM, String.class);
        }
    }

    /** The refused field's path in the body, such as {@code invitations[2].organisation}, or null if none. */
    static String field(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Refused refused) {
                return refused.getPath().stream()
                        .map(step -> step.getPropertyName() != null
                                ? "." + step.getPropertyName()
                                : "[" + step.getIndex() + "]")
                        .collect(Collectors.joining())
                        .replaceFirst("^\\.", "");
            }
        }
        return null;
    }

    private NulInJson() {}
}
