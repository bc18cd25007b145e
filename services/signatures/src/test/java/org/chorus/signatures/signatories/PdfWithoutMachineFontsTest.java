package org.chorus.signatures.signatories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** On a machine without the Noto packages, a name no font covers is still an entry of its own, marked, with a note. */
class PdfWithoutMachineFontsTest {
    static final String KOREAN = "민주사회를 위한 변호사모임";

    @Test
    void aNameNoFontCoversKeepsItsEntryShownAsReplacementCharactersWithANotePointingToTheTextExport() throws Exception {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/signatures");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        SignatoryPdf pdf = new SignatoryPdf(new FontChain(new PdfFonts(List.of("/nonexistent/*.ttf"))), messages);

        byte[] document = pdf.render(
                "Joint statement",
                List.of(
                        "  1. Amnesty International (United Kingdom)",
                        "  2. " + KOREAN + " (South Korea)",
                        "  3. Ação"),
                Locale.ENGLISH);

        String text = PdfInEveryScriptTest.extracted(document);
        List<String> numbered = text.lines()
                .map(String::strip)
                .filter(line -> line.matches("^\\d+\\. .*"))
                .toList();
        assertThat(numbered)
                .containsExactly(
                        "1. Amnesty International (United Kingdom)",
                        "2. " + KOREAN.replaceAll("\\S", "\uFFFD") + " (South Korea)",
                        "3. Ação");
        assertThat(text.replaceAll("\\s+", " "))
                .contains("Characters shown as \uFFFD cannot be printed with the fonts on this server;")
                .contains("the text export (signatories.txt) holds every name exactly.");
    }

    @Test
    void aListEveryFontCoversHasNoNote() throws Exception {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/signatures");
        messages.setDefaultEncoding("UTF-8");
        SignatoryPdf pdf = new SignatoryPdf(new FontChain(new PdfFonts(List.of())), messages);

        String text = PdfInEveryScriptTest.extracted(
                pdf.render("Заявление", List.of("  1. Мемориал (Russia)"), Locale.forLanguageTag("ru")));

        assertThat(text).contains("Подписавшие:", "1. Мемориал (Russia)").doesNotContain("signatories.txt");
    }
}
