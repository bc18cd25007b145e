package org.chorus.platform.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The one CSV writer and reader of the platform (RFC 4180: comma-separated, CRLF line ends, fields in double quotes
 * with {@code ""} for a quote).
 *
 * <p>Written cells are always quoted, whatever they hold, so a line break or a comma inside a value never starts a
 * new row or column. A cell that a spreadsheet would run as a formula (its first character, or its first after
 * leading white space, is {@code = + - @}, their full-width forms, or the cell starts with TAB, CR or LF) is prefixed
 * with an apostrophe, so it arrives as text.
 */
public final class Csv {

    /** One row, every cell quoted and formula-neutralised, ended with CRLF. {@code null} is an empty cell. */
    public static String row(List<String> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        return out.append("\r\n").toString();
    }

    /** One cell as written: neutralised, then quoted. */
    public static String cell(String value) {
        String text = neutralised(value == null ? "" : value);
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /** The value with an apostrophe in front if a spreadsheet would otherwise read it as a formula. */
    public static String neutralised(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        if (first == '\t' || first == '\r' || first == '\n') {
            return "'" + value;
        }
        int i = 0;
        while (i < value.length()
                && (Character.isWhitespace(value.charAt(i))
                        || Character.isSpaceChar(value.charAt(i))
                        || HumanText.isInvisible(value.charAt(i)))) {
            i++;
        }
        return i < value.length() && "=+-@\uFF1D\uFF0B\uFF0D\uFF20".indexOf(value.charAt(i)) >= 0 ? "'" + value : value;
    }

    /** Reads a whole CSV text (a leading byte-order mark is skipped; CRLF, LF or CR end rows); blank rows are left out. */
    public static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        String input = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < input.length() && input.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < input.length() && input.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || field.length() > 0) {
                    row.add(field.toString());
                    rows.add(row);
                }
                row = new ArrayList<>();
                field.setLength(0);
                any = false;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (any || field.length() > 0) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    private Csv() {}
}
