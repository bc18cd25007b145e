package org.chorus.signatures.signon;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What an organisation enters on the public sign-on page. {@code revisionHash} is the content hash of the text the
 * page showed; {@code website} is a honeypot that people never see or fill in.
 */
record SignOnForm(
        @NotBlank(message = "Please enter the organisation's name.")
        @Size(max = 200, message = "Please keep the name under 200 characters.")
        String name,

        String country,

        @Size(max = 300, message = "Please keep the qualifier under 300 characters.")
        String qualifier,

        @NotBlank(message = "Please enter a contact e-mail address.")
        @Email(message = "Please enter a valid e-mail address.")
        @Size(max = 254, message = "Please enter a valid e-mail address.")
        String email,

        Boolean authorised,
        String revisionHash,
        String website) {

    /** Surrounding white space goes, no-break spaces included: pasted names often carry them. */
    SignOnForm {
        name = trim(name);
        country = trim(country);
        qualifier = trim(qualifier);
        email = trim(email);
    }

    static SignOnForm empty(String revisionHash) {
        return new SignOnForm("", "", "", "", false, revisionHash, "");
    }

    static String nullIfEmpty(String value) {
        return value.isEmpty() ? null : value;
    }

    private static String trim(String value) {
        return value == null ? "" : value.replaceAll("^[\\h\\s]+|[\\h\\s]+$", "");
    }
}
