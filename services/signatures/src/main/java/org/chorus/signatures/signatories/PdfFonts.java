package org.chorus.signatures.signatories;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Font files of the machine that the signatory PDF falls back to, in this order, after the fonts in the jar
 * ({@code chorus.signatures.pdf.fonts}). Each entry is a path whose last part may be a glob ({@code
 * NotoSans*-Regular.ttf}, matches taken in name order) and may end in {@code ,N} for face N of a font collection
 * ({@code .ttc}). Entries that match nothing are skipped: what no font covers prints as U+FFFD with a note.
 */
@ConfigurationProperties("chorus.signatures.pdf")
record PdfFonts(List<String> fonts) {
    PdfFonts {
        fonts = fonts == null ? List.of() : List.copyOf(fonts);
    }
}
