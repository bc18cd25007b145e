package org.chorus.distribution.releases;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chorus.platform.language.Languages;
import org.chorus.platform.text.HumanText;
import org.chorus.platform.text.SignatoryLines;

/**
 * The plain-text mail of a release: the title, the text, the errata log if errata were added since publication
 * (numbered, each with its date in the reader's language and the statement's time zone, in the statement's language),
 * then the numbered signatories and, after a blank line, how
 * many more asked not to be named ("and 2 signatories who asked not to be named"); after a "-- " separator, a
 * plain unsubscribe link. An accredited recipient's early copy starts with "EMBARGOED UNTIL …" in their language and
 * the statement's time zone. No tracking pixels, no rewritten links.
 */
final class ReleaseMail {
    private record Words(String signatories, String embargoedUntil, String unsubscribe, String errata) {}

    private static final Map<String, Words> WORDS = Map.of(
            "en", new Words("Signatories:", "EMBARGOED UNTIL", "To stop receiving releases from us:", "Errata:"),
            "fr",
                    new Words(
                            "Signataires :",
                            "SOUS EMBARGO JUSQU’AU",
                            "Pour ne plus recevoir nos communiqués :",
                            "Errata :"),
            "es",
                    new Words(
                            "Firmantes:",
                            "BAJO EMBARGO HASTA EL",
                            "Para dejar de recibir nuestros comunicados:",
                            "Fe de erratas:"),
            "ar", new Words("الموقعون:", "محظور النشر حتى", "لإيقاف تلقي نشراتنا:", "تصويبات:"),
            "zh", new Words("签署方：", "禁止发布，直至", "如不希望再收到我们的发布：", "勘误："),
            "ru", new Words("Подписавшие:", "ЭМБАРГО ДО", "Чтобы больше не получать наши рассылки:", "Исправления:"));

    /** One erratum of the published statement, in the statement's language. */
    record Erratum(int number, String text, Instant addedAt) {}

    /**
     * What the text is written in, with the statement's errata ({@code zone}: the statement's time zone, in which their
     * dates are written).
     */
    record Text(String language, String title, String text, List<Erratum> errata, ZoneId zone) {
        Text(String language, String title, String text) {
            this(language, title, text, List.of(), ZoneId.of("UTC"));
        }
    }

    record Embargo(Instant until, ZoneId zone) {}

    record Rendered(String language, String subject, String body) {}

    static Rendered render(
            Text text, List<SignatoryLines.Signatory> signatories, String unsubscribeUrl, Embargo earlyCopy) {
        return render(text, signatories, 0, unsubscribeUrl, earlyCopy);
    }

    /** As above, saying under the names how many more signatories ({@code notNamed}) asked not to be named. */
    static Rendered render(
            Text text,
            List<SignatoryLines.Signatory> signatories,
            long notNamed,
            String unsubscribeUrl,
            Embargo earlyCopy) {
        Rendered shared = renderBeforeLink(text, signatories, notNamed, earlyCopy);
        return new Rendered(shared.language(), shared.subject(), withLink(shared.body(), unsubscribeUrl));
    }

    /**
     * The mail up to its recipient's unsubscribe link: the same for every recipient who reads this text, so that a
     * release stores it once per language rather than once per recipient. {@link #withLink} completes it.
     */
    static Rendered renderBeforeLink(
            Text text, List<SignatoryLines.Signatory> signatories, long notNamed, Embargo earlyCopy) {
        Words words = WORDS.getOrDefault(text.language(), WORDS.get("en"));
        String mark = earlyCopy == null ? null : embargoMark(words, text.language(), earlyCopy);
        String body = (mark == null ? "" : mark + "\n\n")
                + text.title()
                + "\n\n"
                + text.text()
                + "\n\n"
                + errata(words, text)
                + words.signatories()
                + "\n\n"
                + String.join("\n", SignatoryLines.lines(signatories, Locale.forLanguageTag(text.language())))
                + SignatoryLines.notNamed(notNamed, text.language())
                        .map(line -> "\n\n" + line)
                        .orElse("")
                + "\n\n-- \n"
                + words.unsubscribe()
                + "\n";
        String title = HumanText.flattened(text.title());
        String subject = mark == null ? title : "[" + mark + "] " + title;
        return new Rendered(text.language(), subject, body);
    }

    /** "Errata:", then "1. (12 February 2025) The text." per erratum and a blank line; nothing without errata. */
    private static String errata(Words words, Text text) {
        if (text.errata().isEmpty()) {
            return "";
        }
        StringBuilder log = new StringBuilder(words.errata()).append("\n\n");
        for (Erratum erratum : text.errata()) {
            log.append(erratum.number())
                    .append(". (")
                    .append(Languages.date(
                            erratum.addedAt(), text.language(), text.zone().getId()))
                    .append(") ")
                    .append(erratum.text().strip())
                    .append('\n');
        }
        return log.append('\n').toString();
    }

    static String withLink(String bodyBeforeLink, String unsubscribeUrl) {
        return bodyBeforeLink + unsubscribeUrl + "\n";
    }

    /**
     * An early copy not yet sent, marked again for a moved embargo ({@code embargo}), or unmarked when the embargo was
     * lifted ({@code null}). The mark is the first paragraph of the body and the bracketed start of the subject.
     */
    static Rendered remark(String language, String subject, String body, Embargo embargo) {
        String bareSubject = subject.startsWith("[") && subject.contains("] ")
                ? subject.substring(subject.indexOf("] ") + 2)
                : subject;
        String bareBody = body.contains("\n\n") ? body.substring(body.indexOf("\n\n") + 2) : body;
        if (embargo == null) {
            return new Rendered(language, bareSubject, bareBody);
        }
        String mark = embargoMark(language, embargo);
        return new Rendered(language, "[" + mark + "] " + bareSubject, mark + "\n\n" + bareBody);
    }

    static String embargoMark(String language, Embargo embargo) {
        return embargoMark(WORDS.getOrDefault(language, WORDS.get("en")), language, embargo);
    }

    private static String embargoMark(Words words, String language, Embargo embargo) {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG)
                .withLocale(Locale.forLanguageTag(language))
                .withZone(embargo.zone());
        return words.embargoedUntil() + " " + format.format(embargo.until());
    }

    private ReleaseMail() {}
}
