package org.chorus.signatures.signatories;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The signatory list as a PDF, one numbered entry per signatory, with the fixed words in the reader's language. Every
 * character is drawn with the first font of the {@link FontChain} that has it (each embedded as a subset); a
 * character none has shows as U+FFFD, and then a note under the heading points to the text export, which holds
 * every name exactly. A line whose first strong character is right to left is laid out right to left, which also
 * joins (shapes) Arabic letters. Other scripts that need shaping (Devanagari, Tamil, Myanmar, …) are drawn letter by
 * letter in logical order: readable, and extracted exactly, but not typeset as a native reader expects.
 */
@Component
class SignatoryPdf {
    private static final Pattern WHITESPACE_RUN = Pattern.compile("[\\p{Zs}\\s]{2,}");

    private final FontChain fonts;
    private final MessageSource messages;

    SignatoryPdf(FontChain fonts, MessageSource messages) {
        this.fonts = fonts;
        this.messages = messages;
    }

    byte[] render(String title, List<String> lines, Locale language) {
        boolean complete = true;
        List<PdfPCell> entries = new ArrayList<>();
        for (String line : lines) {
            // a run of spaces cannot push text onto a line of its own, and a line that wraps is indented under its
            // number, so no name can pass for a signatory line of its own
            Cell entry = cell(WHITESPACE_RUN.matcher(line.strip()).replaceAll(" "), 11, 3);
            entry.cell().setFollowingIndent(24);
            entries.add(entry.cell());
            complete &= entry.complete();
        }
        Cell heading = cell(title, 14, 10);
        complete &= heading.complete();

        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4);
        PdfWriter.getInstance(document, out);
        document.open();
        PdfPTable table = new PdfPTable(1);
        table.setWidthPercentage(100);
        table.addCell(heading.cell());
        if (!complete) {
            String note = messages.getMessage("pdf.unprintable", new Object[] {fonts.replacement()}, language);
            table.addCell(cell(note, 9, 8).cell());
        }
        table.addCell(cell(messages.getMessage("pdf.signatories", null, language), 11, 6)
                .cell());
        entries.forEach(table::addCell);
        document.add(table);
        document.close();
        return out.toByteArray();
    }

    private record Cell(PdfPCell cell, boolean complete) {}

    private Cell cell(String text, float size, float spacingAfter) {
        FontChain.Runs runs = fonts.set(text, size);
        PdfPCell cell = new PdfPCell(runs.phrase());
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPaddingBottom(spacingAfter);
        cell.setRunDirection(rightToLeft(text) ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR);
        cell.setHorizontalAlignment(Element.ALIGN_LEFT);
        return new Cell(cell, runs.complete());
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
}
