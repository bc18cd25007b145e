package org.chorus.signatures.signatories;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.chorus.events.Countries;
import org.chorus.signatures.signon.Statements;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The PDF export prints Arabic, Chinese and Russian names with fonts it carries itself, and names in every other
 * script with the machine's Noto fonts (Debian's fonts-noto-core and fonts-noto-cjk, which .ci/run installs).
 */
@ChorusServiceTest
class PdfInEveryScriptTest {
    static final String ARABIC = "مركز القاهرة لدراسات حقوق الإنسان";
    static final String CHINESE = "中国维权律师关注组";
    static final String RUSSIAN = "Правозащитный центр Мемориал";

    @LocalServerPort
    int port;

    @Test
    void arabicChineseAndRussianNamesAreInTheExportedPdf() throws Exception {
        Http http = new Http("http://localhost:" + port);
        UUID statementId = Statements.open(http, "声明 · بيان · Заявление", "en", "A statement in many scripts.");
        String block = "1. " + ARABIC + " (Egypt)\n2. " + CHINESE + " (China)\n3. " + RUSSIAN + " (Russia)\n";
        var imported = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + port + "/api/statements/" + statementId + "/imports"))
                                .header("Content-Type", "text/plain; charset=utf-8")
                                .POST(HttpRequest.BodyPublishers.ofString(block))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        byte[] pdf = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/statements/" + statementId
                                        + "/signatories.pdf"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray())
                .body();

        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        java.nio.file.Files.write(
                java.nio.file.Path.of("target", "screenshots", "signatories-in-every-script.pdf"), pdf);
        PdfReader reader = new PdfReader(pdf);
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text).contains(CHINESE + " (China)", RUSSIAN + " (Russia)", "声明");
        // Arabic is stored as shaped glyphs (presentation forms) in visual order: read right to left and unshaped.
        String arabicAsRead = Normalizer.normalize(new StringBuilder(text).reverse(), Normalizer.Form.NFKC);
        assertThat(arabicAsRead).contains(Normalizer.normalize(ARABIC, Normalizer.Form.NFKC));
        assertThat(text.codePoints())
                .as("Arabic letters joined (presentation forms)")
                .anyMatch(c -> c >= 0xFE70 && c <= 0xFEFF);
        assertThat(embeddedFonts(reader))
                .anyMatch(name -> name.endsWith("+NotoSansArabic-Regular"))
                .anyMatch(name -> name.contains("+NotoSansSC"))
                .anyMatch(name -> name.contains("+DejaVuSans"))
                .noneMatch(name -> name.contains("Helvetica"));
        reader.close();
    }

    /** Names in scripts the jar's fonts do not cover, each with its country code. */
    static final List<Map.Entry<String, String>> IN_EVERY_SCRIPT = List.of(
            Map.entry("민주사회를 위한 변호사모임", "KR"),
            Map.entry("पीपुल्स यूनियन फॉर सिविल लिबर्टीज़", "IN"),
            Map.entry("ศูนย์ทนายความเพื่อสิทธิมนุษยชน", "TH"),
            Map.entry("საქართველოს ახალგაზრდა იურისტთა ასოციაცია", "GE"),
            Map.entry("የኢትዮጵያ ሰብአዊ መብቶች ጉባኤ", "ET"),
            Map.entry("மக்கள் கண்காணிப்பகம்", "IN"),
            Map.entry("Հելսինկյան քաղաքացիական ասամբլեա", "AM"),
            Map.entry("မြန်မာနိုင်ငံ လူ့အခွင့်အရေး ကာကွယ်သူများ", "TH"),
            Map.entry("ヒューマンライツ・ナウ 𠮷野支部", "JP"),
            Map.entry("台灣人權促進會 䶮", "TW"),
            Map.entry("Climate 🌍 Action 🌱 ❤️ 🏳️‍🌈", "DE"));

    @Test
    void aNameInEveryScriptIsOneNumberedReadableEntryOfThePdfInTheReadersLanguage() throws Exception {
        Http http = new Http("http://localhost:" + port);
        UUID statementId = Statements.open(http, "Joint statement", "en", "A statement signed in many scripts.");
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < IN_EVERY_SCRIPT.size(); i++) {
            var entry = IN_EVERY_SCRIPT.get(i);
            block.append(i + 1)
                    .append(". ")
                    .append(entry.getKey())
                    .append(" (")
                    .append(Countries.name(entry.getValue(), Locale.ENGLISH))
                    .append(")\n");
        }
        assertThat(post(statementId, block.toString()).statusCode()).isEqualTo(200);

        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        for (String lang : List.of("en", "fr", "ar", "zh")) {
            Locale language = Locale.forLanguageTag(lang);
            byte[] pdf = get("/api/statements/" + statementId + "/signatories.pdf?lang=" + lang);
            java.nio.file.Files.write(
                    java.nio.file.Path.of("target", "screenshots", "signatories-every-script-" + lang + ".pdf"), pdf);
            String text = extracted(pdf);

            List<String> expected = new java.util.ArrayList<>();
            for (int i = 0; i < IN_EVERY_SCRIPT.size(); i++) {
                var entry = IN_EVERY_SCRIPT.get(i);
                // the zero-width joiner of 🏳️‍🌈 draws nothing, and an extracted text has none: the flag reads 🏳️🌈
                expected.add(flat((i + 1) + ". " + entry.getKey().replace("\u200D", "") + " ("
                        + Countries.name(entry.getValue(), language) + ")"));
            }
            List<String> numbered = text.lines()
                    .map(PdfInEveryScriptTest::flat)
                    .filter(line -> line.matches("^\\d+\\. .*"))
                    .toList();
            assertThat(numbered).as(lang).containsExactlyElementsOf(expected);
            assertThat(text).as(lang).doesNotContain("\uFFFD");
            assertThat(fontNames(pdf))
                    .as("each script in its own font: no Tamil letter from the historic Grantha font")
                    .anyMatch(name -> name.endsWith("+NotoSansTamil-Regular"))
                    .noneMatch(name -> name.contains("Grantha"));
        }
        assertThat(extracted(get("/api/statements/" + statementId + "/signatories.pdf?lang=fr")))
                .contains("Signataires :")
                .contains("(Corée du Sud)");
        assertThat(extracted(get("/api/statements/" + statementId + "/signatories.pdf")))
                .as("the statement's language when none is asked for")
                .contains("Signatories:");
    }

    @Test
    void thePdfSpeaksTheStatementsLanguage() throws Exception {
        Http http = new Http("http://localhost:" + port);
        UUID statementId = Statements.open(http, "بيان مشترك", "ar", "بيان.");
        assertThat(post(statementId, "1. " + CHINESE + " (China)\n").statusCode())
                .isEqualTo(200);
        String text = extracted(get("/api/statements/" + statementId + "/signatories.pdf"));
        // PDFBox reads the shaped Arabic glyphs back in logical order and unshaped
        assertThat(text).contains("الموقّعون:");
        assertThat(text).contains(CHINESE + " (" + Countries.name("CN", Locale.forLanguageTag("ar")) + ")");
    }

    @Test
    void linesStartingInArabicRunRightToLeft() {
        assertThat(SignatoryPdf.rightToLeft("1. " + ARABIC + " (Egypt)")).isTrue();
        assertThat(SignatoryPdf.rightToLeft("2. " + CHINESE + " (China)")).isFalse();
        assertThat(SignatoryPdf.rightToLeft("3. Amnesty (" + ARABIC + ")")).isFalse();
    }

    private HttpResponse<String> post(UUID statementId, String block) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + port + "/api/statements/" + statementId + "/imports"))
                                .header("Content-Type", "text/plain; charset=utf-8")
                                .POST(HttpRequest.BodyPublishers.ofString(block))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private byte[] get(String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The text as an independent reader (PDFBox) extracts it. */
    static String extracted(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static List<String> fontNames(byte[] pdf) throws IOException {
        List<String> names = new java.util.ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var resources = document.getPage(0).getResources();
            for (var name : resources.getFontNames()) {
                names.add(resources.getFont(name).getName());
            }
        }
        return names;
    }

    /** One space between words, none around the line. */
    private static String flat(String line) {
        return line.strip().replaceAll("\\s+", " ");
    }

    /** Base font names of every font the pages use, with their subset prefix (ABCDEF+Name). */
    private static Set<String> embeddedFonts(PdfReader reader) throws IOException {
        Set<String> names = new HashSet<>();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            PdfDictionary fonts =
                    reader.getPageN(page).getAsDict(PdfName.RESOURCES).getAsDict(PdfName.FONT);
            for (PdfName key : fonts.getKeys()) {
                PdfDictionary font = fonts.getAsDict(key);
                names.add(PdfName.decodeName(font.getAsName(PdfName.BASEFONT).toString()));
            }
        }
        return names;
    }
}
