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
import java.util.Set;
import java.util.UUID;
import org.chorus.signatures.signon.Statements;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The PDF export prints Arabic, Chinese and Russian names with fonts it carries itself. */
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

    @Test
    void linesStartingInArabicRunRightToLeft() {
        assertThat(SignatoryPdf.rightToLeft("1. " + ARABIC + " (Egypt)")).isTrue();
        assertThat(SignatoryPdf.rightToLeft("2. " + CHINESE + " (China)")).isFalse();
        assertThat(SignatoryPdf.rightToLeft("3. Amnesty (" + ARABIC + ")")).isFalse();
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
