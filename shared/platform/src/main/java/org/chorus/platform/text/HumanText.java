package org.chorus.platform.text;

import java.text.Normalizer;

/**
 * The one normalisation of every text a person enters (signers, coordinators, imports), applied at every door
 * before anything is stored.
 *
 * <ul>
 *   <li>Unicode NFC, so the same name is stored, compared and counted the same way however it was typed.
 *   <li>Invisible characters that only steer layout are removed: bidi marks, embeddings, overrides and isolates
 *       (U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069), zero-width space, word joiner and invisible
 *       operators (U+200B, U+2060–U+2064), the byte-order mark U+FEFF, the Mongolian vowel separator U+180E,
 *       deprecated format characters U+206A–U+206F, interlinear annotation U+FFF9–U+FFFB, the soft hyphen U+00AD
 *       and the noncharacters U+FFFE, U+FFFF. Removing them changes nothing a reader should see. The joiners
 *       U+200C and U+200D stay: Persian, Indic scripts and emoji need them.
 *   <li>A one-line field ({@link #singleLine}) refuses every character that ends a line (LF, CR, VT, FF, U+0085,
 *       U+2028, U+2029) and every other control character (NUL, TAB, ESC, BEL, DEL, C1): a browser's one-line
 *       input never sends them, so they come from crafted requests or broken files. Surrounding white space goes.
 *   <li>A multi-line field ({@link #multiLine}) keeps ordinary line feeds only: CRLF and CR, VT, FF, U+0085, U+2028
 *       and U+2029 become LF, TAB becomes a space (pasted documents carry them), other controls are refused.
 *   <li>Lengths are counted in code points after normalisation: an emoji or a rare CJK character is one character.
 *   <li>Half a surrogate pair is refused.
 * </ul>
 *
 * A refusal is a {@link RefusedText} naming the field; APIs answer it with 400 problem+json, pages with the
 * message {@link RefusedText#messageKey()} in the signer's language.
 */
public final class HumanText {

    /**
     * A one-line text: a name, a title, a country, a qualifier, an address. {@code null} stays {@code null}; the
     * result is stripped of surrounding white space (no-break spaces too) and may be empty.
     */
    public static String singleLine(String field, String value, int maxCodePoints) {
        if (value == null) {
            return null;
        }
        String text = plainAscii(value) ? value : normalise(field, value, false);
        text = stripSpace(text);
        return checkLength(field, text, maxCodePoints);
    }

    /**
     * For a page's form: the one-line text normalised, or, when refused, the text as typed with the refusal's page
     * text in {@code errors} under {@code field} ({@code tooLongKey} for a text that is too long, the field's own
     * message; otherwise {@link RefusedText#messageKey()}), so the form shows it again with the reason. A NUL is left
     * out of the text shown again: no page can show it.
     */
    public static String formField(
            String field, String value, int maxCodePoints, java.util.Map<String, String> errors, String tooLongKey) {
        try {
            return singleLine(field, value, maxCodePoints);
        } catch (RefusedText refused) {
            errors.putIfAbsent(
                    field, refused.reason() == RefusedText.Reason.TOO_LONG ? tooLongKey : refused.messageKey());
            return value.replace("\u0000", "");
        }
    }

    /** A text of several lines (a statement's body, a comment): line ends become LF, nothing else steers layout. */
    public static String multiLine(String field, String value, int maxCodePoints) {
        if (value == null) {
            return null;
        }
        String text = normalise(field, value, true);
        return checkLength(field, text, maxCodePoints);
    }

    /**
     * What a page, an export or a mail shows of a stored text that must stay on one line, whatever it holds (rows
     * stored before this normalisation, events from the wire): every line end and control character becomes a
     * space, invisible characters go, broken characters become U+FFFD. Never refuses.
     */
    public static String flattened(String value) {
        if (value == null || plainAscii(value)) {
            return value == null ? null : stripSpace(value);
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                out.append(c).append(value.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else if (isInvisible(c)) {
                continue;
            } else if (isLineBreak(c) || Character.getType(c) == Character.CONTROL) {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return stripSpace(Normalizer.normalize(out, Normalizer.Form.NFC));
    }

    /** Whether {@code c} ends a line somewhere: a text editor, a mail client, a CSV reader or a PDF renderer. */
    public static boolean isLineBreak(char c) {
        return c == '\n'
                || c == '\r'
                || c == '\u000B'
                || c == '\u000C'
                || c == '\u0085'
                || c == '\u2028'
                || c == '\u2029';
    }

    /** The invisible characters that are removed (see the class comment); the joiners U+200C, U+200D are not. */
    public static boolean isInvisible(char c) {
        return c == '\u200B'
                || c == '\u200E'
                || c == '\u200F'
                || c == '\u061C'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2060' && c <= '\u2064')
                || (c >= '\u2066' && c <= '\u206F')
                || c == '\uFEFF'
                || c == '\u180E'
                || c == '\u00AD'
                || (c >= '\uFFF9' && c <= '\uFFFB')
                || c == '\uFFFE'
                || c == '\uFFFF';
    }

    private static String normalise(String field, String value, boolean multiLine) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                out.append(c).append(value.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                throw new RefusedText(field, RefusedText.Reason.BROKEN, 0);
            } else if (isInvisible(c)) {
                continue;
            } else if (isLineBreak(c)) {
                if (!multiLine) {
                    throw new RefusedText(field, RefusedText.Reason.LINE_BREAK, 0);
                }
                if (c == '\r' && i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                    i++;
                }
                out.append('\n');
            } else if (c == '\t' && multiLine) {
                out.append(' ');
            } else if (Character.getType(c) == Character.CONTROL) {
                throw new RefusedText(field, RefusedText.Reason.CONTROL, 0);
            } else {
                out.append(c);
            }
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    private static String checkLength(String field, String text, int maxCodePoints) {
        if (text.length() > maxCodePoints && text.codePointCount(0, text.length()) > maxCodePoints) {
            throw new RefusedText(field, RefusedText.Reason.TOO_LONG, maxCodePoints);
        }
        return text;
    }

    /** Without surrounding white space of any kind, no-break spaces included (pasted names often carry them). */
    public static String stripSpace(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isSpace(value.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Printable ASCII only: nothing to remove, refuse or normalise (the common case, checked without copying). */
    private static boolean plainAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private HumanText() {}
}
