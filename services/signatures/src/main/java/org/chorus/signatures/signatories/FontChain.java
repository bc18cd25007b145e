package org.chorus.signatures.signatories;

import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The fonts of the signatory PDF, tried in order for every character: first those in the jar ({@code
 * fonts/README.md}: Latin, Cyrillic, Arabic, common Chinese), then the machine's ({@link PdfFonts}; by default
 * Debian's fonts-noto-core and fonts-noto-cjk: Devanagari, Tamil, Thai, Myanmar, Georgian, Armenian, Ethiopic,
 * Korean, Japanese and every other script Noto covers), last the jar's monochrome Noto Emoji. A character no font
 * has is printed as U+FFFD (or {@code ?}) and the text is marked incomplete: no name ever silently loses a letter.
 * Loaded once, at the first PDF (about a second for all of Noto).
 */
@Component
@EnableConfigurationProperties(PdfFonts.class)
class FontChain {
    private static final Logger log = LoggerFactory.getLogger(FontChain.class);
    private static final List<String> FIRST = List.of(
            "fonts/DejaVuSans-LatinCyrillic.ttf", "fonts/NotoSansArabic-Regular.ttf", "fonts/NotoSansSC-Common.ttf");
    private static final String LAST = "fonts/NotoEmoji-Regular.ttf";
    private static final Pattern FACE = Pattern.compile("(.*),(\\d+)");
    private static final String REPLACEMENT = "\uFFFD";

    private final List<String> machineFonts;
    private volatile Loaded loaded;

    FontChain(PdfFonts config) {
        this.machineFonts = config.fonts();
    }

    /** A text set in runs of one font each; {@code complete} is false when some character is shown replaced. */
    record Runs(Phrase phrase, boolean complete) {}

    private record Loaded(List<BaseFont> fonts, BaseFont replacementFont, String replacement) {}

    Runs set(String text, float size) {
        Loaded chain = chain();
        Phrase phrase = new Phrase();
        StringBuilder run = new StringBuilder();
        BaseFont current = null;
        boolean complete = true;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            BaseFont font = current != null && clings(c) && current.charExists(c) ? current : first(chain.fonts(), c);
            String shown = Character.toString(c);
            if (font == null) {
                if (invisible(c)) {
                    continue; // a joiner or selector no font draws: nothing a reader would see is lost
                }
                complete = false;
                font = chain.replacementFont();
                shown = chain.replacement();
            }
            if (font != current && !run.isEmpty()) {
                phrase.add(new Chunk(run.toString(), new Font(current, size)));
                run.setLength(0);
            }
            current = font;
            run.append(shown);
        }
        if (!run.isEmpty()) {
            phrase.add(new Chunk(run.toString(), new Font(current, size)));
        }
        return new Runs(phrase, complete);
    }

    /** What stands for a character no font has: U+FFFD, or {@code ?} when no font has that either. */
    String replacement() {
        return chain().replacement();
    }

    /** Marks and joiners stay in the font of the letter they belong to, when it has them. */
    private static boolean clings(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT;
    }

    /** Joiners, variation selectors and other format characters: they steer how letters join, draw nothing. */
    private static boolean invisible(int c) {
        return Character.getType(c) == Character.FORMAT
                || (c >= 0xFE00 && c <= 0xFE0F)
                || (c >= 0xE0100 && c <= 0xE01EF)
                || (c >= 0x180B && c <= 0x180D);
    }

    private static BaseFont first(List<BaseFont> fonts, int c) {
        for (BaseFont font : fonts) {
            if (font.charExists(c)) {
                return font;
            }
        }
        return null;
    }

    private Loaded chain() {
        Loaded chain = loaded;
        if (chain == null) {
            synchronized (this) {
                chain = loaded;
                if (chain == null) {
                    chain = load();
                    loaded = chain;
                }
            }
        }
        return chain;
    }

    private Loaded load() {
        List<BaseFont> fonts = new ArrayList<>();
        FIRST.forEach(path -> fonts.add(bundled(path)));
        Set<String> files = machineFiles();
        for (String file : files) {
            try {
                fonts.add(BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED));
            } catch (Exception e) {
                log.warn("Signatory PDF: font {} could not be read ({}); skipped", file, e.getMessage());
            }
        }
        fonts.add(bundled(LAST));
        log.info(
                "Signatory PDF: {} fonts from the jar, {} of this machine ({})",
                FIRST.size() + 1,
                fonts.size() - FIRST.size() - 1,
                machineFonts);
        BaseFont replacementFont = first(fonts, REPLACEMENT.codePointAt(0));
        return replacementFont != null
                ? new Loaded(List.copyOf(fonts), replacementFont, REPLACEMENT)
                : new Loaded(List.copyOf(fonts), fonts.get(0), "?");
    }

    /** The configured entries as files (with their {@code ,N} face), globs expanded in name order, each once. */
    private Set<String> machineFiles() {
        Set<String> files = new LinkedHashSet<>();
        for (String entry : machineFonts) {
            Matcher face = FACE.matcher(entry);
            String pathPart = face.matches() ? face.group(1) : entry;
            String suffix = face.matches() ? "," + face.group(2) : "";
            Path path = Path.of(pathPart);
            Path directory = path.getParent();
            if (directory == null || !Files.isDirectory(directory)) {
                continue;
            }
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + path.getFileName());
            List<Path> matches = new ArrayList<>();
            try (DirectoryStream<Path> listing = Files.newDirectoryStream(directory)) {
                for (Path file : listing) {
                    if (matcher.matches(file.getFileName()) && Files.isRegularFile(file)) {
                        matches.add(file);
                    }
                }
            } catch (IOException e) {
                log.warn("Signatory PDF: fonts in {} could not be listed ({})", directory, e.getMessage());
            }
            matches.stream().sorted().forEach(file -> files.add(file + suffix));
        }
        return files;
    }

    private static BaseFont bundled(String path) {
        try (InputStream in = FontChain.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Font " + path + " is missing from the classpath");
            }
            return BaseFont.createFont(path, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
