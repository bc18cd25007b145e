package org.chorus.signatures.signon;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.chorus.events.SignatoryKind;
import org.chorus.events.Visibility;
import org.chorus.platform.text.EmailAddress;
import org.chorus.platform.text.HumanText;

/**
 * What a signer enters on the public sign-on page: an organisation (name, country, qualifier, contact name, contact
 * e-mail, authorised) or an individual (name, affiliation in {@code qualifier}, country, e-mail). {@code visibility} is
 * PUBLIC or WITHHELD (counted, never named); {@code countCountry} says whether a withheld signer's country may be
 * counted. Validation messages are keys of the page texts (messages/signatures*.properties). {@code invitation} is the signed token from an invitation link, if any. {@code revisionHash} is the content hash of the text the page showed; {@code website} is a honeypot that
 * people never see or fill in. Absent {@code kind} and {@code visibility} mean an organisation signing publicly.
 */
record SignOnForm(
        String name,

        String country,

        String qualifier,

        String contactName,

        @NotBlank(message = "error.email.missing")
        @EmailAddress(message = "error.email.invalid")
        @Size(max = 254, message = "error.email.invalid")
        String email,

        Boolean authorised,
        String revisionHash,
        String website,
        String kind,
        String visibility,
        Boolean countCountry,
        String invitation) {

    /** Surrounding white space goes, no-break spaces included: pasted names often carry them. */
    SignOnForm {
        name = trim(name);
        country = trim(country);
        qualifier = trim(qualifier);
        contactName = trim(contactName);
        email = trim(email);
        kind = trim(kind);
        visibility = trim(visibility);
        invitation = trim(invitation);
    }

    /**
     * The form as posted. Read by hand rather than by Spring's data binder: binding a record through its constructor
     * looks up every parameter's annotations on every request, which was a fifth of the sign-on CPU. A check box
     * value other than true, on, yes or 1 counts as not ticked.
     */
    static SignOnForm read(Function<String, String> parameter) {
        return new SignOnForm(
                parameter.apply("name"),
                parameter.apply("country"),
                parameter.apply("qualifier"),
                parameter.apply("contactName"),
                parameter.apply("email"),
                ticked(parameter.apply("authorised")),
                parameter.apply("revisionHash"),
                parameter.apply("website"),
                parameter.apply("kind"),
                parameter.apply("visibility"),
                ticked(parameter.apply("countCountry")),
                parameter.apply("invitation"));
    }

    private static Boolean ticked(String value) {
        return value == null
                ? null
                : Set.of("true", "on", "yes", "1").contains(value.strip().toLowerCase(Locale.ROOT));
    }

    static SignOnForm empty(String revisionHash, SignatoryKind kind) {
        return new SignOnForm(
                "", "", "", "", "", false, revisionHash, "", kind.name(), Visibility.PUBLIC.name(), true, "");
    }

    /** The organisation form pre-filled from an invitation. */
    static SignOnForm invited(String revisionHash, String organisation, String country, String invitation) {
        return new SignOnForm(
                organisation,
                country == null ? "" : country,
                "",
                "",
                "",
                false,
                revisionHash,
                "",
                SignatoryKind.ORGANISATION.name(),
                Visibility.PUBLIC.name(),
                true,
                invitation);
    }

    /**
     * Every text field through the platform's {@link HumanText} (NFC, one line, no controls or invisible layout
     * characters, lengths in code points). A refused field is named in {@code errors} with its page text and kept as
     * typed, so the form shows it again.
     */
    SignOnForm normalised(Map<String, String> errors) {
        return new SignOnForm(
                HumanText.formField("name", name, 200, errors, "error.name.long"),
                HumanText.formField("country", country, 10, errors, "error.country"),
                HumanText.formField("qualifier", qualifier, 300, errors, "error.qualifier.long"),
                HumanText.formField("contactName", contactName, 200, errors, "error.contactName.long"),
                HumanText.formField("email", email, 254, errors, "error.email.invalid"),
                authorised,
                revisionHash,
                website,
                kind,
                visibility,
                countCountry,
                invitation);
    }

    /** The kind asked for; anything but INDIVIDUAL is an organisation, as it always was. */
    SignatoryKind signatoryKind() {
        return "INDIVIDUAL".equalsIgnoreCase(kind) ? SignatoryKind.INDIVIDUAL : SignatoryKind.ORGANISATION;
    }

    public boolean individual() {
        return signatoryKind() == SignatoryKind.INDIVIDUAL;
    }

    public boolean withheld() {
        return Visibility.WITHHELD.name().equalsIgnoreCase(visibility);
    }

    boolean knownVisibility() {
        return visibility.isEmpty()
                || Visibility.PUBLIC.name().equalsIgnoreCase(visibility)
                || Visibility.WITHHELD.name().equalsIgnoreCase(visibility);
    }

    SignOnForm withRevisionHash(String hash) {
        return new SignOnForm(
                name,
                country,
                qualifier,
                contactName,
                email,
                authorised,
                hash,
                "",
                kind,
                visibility,
                countCountry,
                invitation);
    }

    static String nullIfEmpty(String value) {
        return value.isEmpty() ? null : value;
    }

    private static final Pattern OUTER_SPACE = Pattern.compile("^[\\h\\s]+|[\\h\\s]+$");

    private static String trim(String value) {
        return value == null ? "" : OUTER_SPACE.matcher(value).replaceAll("");
    }
}
