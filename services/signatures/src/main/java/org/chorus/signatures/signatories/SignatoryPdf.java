package org.chorus.signatures.signatories;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The signatory list as a PDF whose fonts travel inside the jar (see {@code fonts/README.md}): DejaVu Sans for Latin
 * and Cyrillic, Noto Sans Arabic, and a subset of Noto Sans SC for Chinese, each embedded as a subset. Every line
 * picks, character by character, the first font that has the glyph. A line whose first strong character is right to
 * left is laid out right to left, which also joins (shapes) Arabic letters.
 */
final class SignatoryPdf {
    private static final String[] FONTS = {
        "fonts/DejaVuSans-LatinCyrillic.ttf", "fonts/NotoSansArabic-Regular.ttf", "fonts/NotoSansSC-Common.ttf"
    };
    private static final List<BaseFont> BASE_FONTS = load();
    private static final java.util.regex.Pattern WHITESPACE_RUN = java.util.regex.Pattern.compile("[\\p{Zs}\\s]{2,}");

    static byte[] render(String title, List<String> lines) {
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4);
        PdfWriter.getInstance(document, out);
        document.open();
        PdfPTable table = new PdfPTable(1);
        table.setWidthPercentage(100);
        table.addCell(cell(title, 14, 10));
        table.addCell(cell("Signatories:", 11, 6));
        for (String line : lines) {
            // a run of spaces cannot push text onto a line of its own, and a line that wraps is indented under its
            // number, so no name can pass for a signatory line of its own
            PdfPCell entry = cell(WHITESPACE_RUN.matcher(line).replaceAll(" "), 11, 3);
            entry.setFollowingIndent(24);
            table.addCell(entry);
        }
        document.add(table);
        document.close();
        return out.toByteArray();
    }

    private static PdfPCell cell(String text, float size, float spacingAfter) {
        FontSelector selector = new FontSelector();
        for (BaseFont font : BASE_FONTS) {
            selector.addFont(new Font(font, size));
        }
        Phrase phrase = selector.process(text);
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPaddingBottom(spacingAfter);
        boolean rightToLeft = rightToLeft(text);
        cell.setRunDirection(rightToLeft ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR);
        cell.setHorizontalAlignment(Element.ALIGN_LEFT);
        return cell;
    }

    /** True when the first character with a strong direction is right to left (Arabic, Hebrew, …). */
    static boolean rightToLeft(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            switch (Character.getDirectionality(codePoint)) {
                case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC -> {
                    return true;
                }
                case Character.DIRECTIONALITY_LEFT_TO_RIGHT -> {
                    return false;
                }
                default -> i += Character.charCount(codePoint);
            }
        }
        return false;
    }

    private static List<BaseFont> load() {
        return java.util.Arrays.stream(FONTS).map(SignatoryPdf::font).toList();
    }

    private static BaseFont font(String path) {
        try (InputStream in = SignatoryPdf.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Font " + path + " is missing from the classpath");
            }
            return BaseFont.createFont(path, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SignatoryPdf() {}
}
