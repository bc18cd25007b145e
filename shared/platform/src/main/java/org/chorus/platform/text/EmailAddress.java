package org.chorus.platform.text;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Bean validation through {@link EmailAddresses}: an e-mail address at a domain name; {@code null} and the empty text
 * are left to {@code @NotBlank}. Used instead of {@code jakarta.validation.constraints.Email}, which accepts {@code a@localhost}
 * and {@code a@[127.0.0.1]}.
 */
@Documented
@Constraint(validatedBy = EmailAddress.Check.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface EmailAddress {
    String message() default
            "must be an e-mail address at a domain name, such as name@example.org (not at an IP address or at a single name such as localhost)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The validator behind {@link EmailAddress}. */
    class Check implements ConstraintValidator<EmailAddress, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || value.length() == 0 || EmailAddresses.acceptable(value.toString());
        }
    }
}
