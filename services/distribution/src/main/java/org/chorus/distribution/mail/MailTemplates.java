package org.chorus.distribution.mail;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.chorus.platform.language.Languages;
import org.chorus.platform.text.HumanText;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Plain-text mail templates under {@code mail/<template>_<language>.txt}, in Thymeleaf's TEXT mode. The first line
 * is the subject, then a blank line, then the body. A language without its own template falls back to English.
 * Templates greet {@code greetingName} when there is one, and without a name otherwise.
 */
@Component
class MailTemplates {
    private static final String LOCATION = "mail/";
    private static final String SUFFIX = ".txt";
    private static final String FALLBACK = "en";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    /** {@code language}: the language of the template used (the requested one, or English). */
    record Rendered(String subject, String body, String language) {}

    MailTemplates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(LOCATION);
        resolver.setSuffix(SUFFIX);
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    /**
     * The mail in the requested language (any tag Chorus speaks: {@code fr}, {@code fr-CH}), in English, or empty
     * when there is no such template.
     */
    Optional<Rendered> render(String template, String language, Map<String, String> variables) {
        if (template == null || !NAME.matcher(template).matches()) {
            return Optional.empty();
        }
        String lang = Languages.choose(language);
        String used = exists(template + "_" + lang) ? lang : FALLBACK;
        String name = template + "_" + used;
        if (!exists(name)) {
            return Optional.empty();
        }
        Context context = new Context(Locale.forLanguageTag(lang));
        // every variable is one line (names, titles, links): nothing another service sends can add lines to a mail
        variables.forEach((key, value) -> context.setVariable(key, HumanText.flattened(value)));
        greetingName(variables).ifPresent(greeted -> context.setVariable("greetingName", greeted));
        String text = engine.process(name, context).replace("\r\n", "\n");
        int subjectEnd = text.indexOf('\n');
        if (subjectEnd < 0) {
            return Optional.of(new Rendered(text.strip(), "", used));
        }
        return Optional.of(new Rendered(
                text.substring(0, subjectEnd).strip(),
                text.substring(subjectEnd + 1).strip() + "\n",
                used));
    }

    /**
     * Whom a mail greets by name ({@code greetingName}): the contact person who signed for an organisation, else the
     * signer; none when both are blank (a withheld signer), and the templates then greet without a name, never
     * "Dear ,".
     */
    static Optional<String> greetingName(Map<String, String> variables) {
        for (String key : new String[] {"contactName", "signerName"}) {
            String name = HumanText.flattened(variables.get(key));
            if (name != null && !name.isBlank()) {
                return Optional.of(name.strip());
            }
        }
        return Optional.empty();
    }

    private static boolean exists(String name) {
        return new ClassPathResource(LOCATION + name + SUFFIX).exists();
    }
}
