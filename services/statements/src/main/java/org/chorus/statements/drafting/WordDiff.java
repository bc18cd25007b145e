package org.chorus.statements.drafting;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A word-level diff: both texts split into words and the whitespace between them, compared by longest common run. */
final class WordDiff {
    private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");
    /** Beyond this many cells (16 MB of ints) the changed middle is shown as one deletion and one insertion. */
    private static final long MAX_CELLS = 4_000_000L;

    enum Op {
        EQUAL,
        INSERT,
        DELETE
    }

    record Token(Op op, String text) {}

    static List<Token> between(String from, String to) {
        List<String> a = tokens(from);
        List<String> b = tokens(to);
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix
                && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<Token> out = new ArrayList<>();
        add(out, Op.EQUAL, a.subList(0, prefix));
        middle(out, a.subList(prefix, a.size() - suffix), b.subList(prefix, b.size() - suffix));
        add(out, Op.EQUAL, a.subList(a.size() - suffix, a.size()));
        return out;
    }

    private static void middle(List<Token> out, List<String> a, List<String> b) {
        if ((long) a.size() * b.size() > MAX_CELLS) {
            add(out, Op.DELETE, a);
            add(out, Op.INSERT, b);
            return;
        }
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                add(out, Op.EQUAL, a.get(i++));
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                add(out, Op.DELETE, a.get(i++));
            } else {
                add(out, Op.INSERT, b.get(j++));
            }
        }
        add(out, Op.DELETE, a.subList(i, a.size()));
        add(out, Op.INSERT, b.subList(j, b.size()));
    }

    private static void add(List<Token> out, Op op, List<String> texts) {
        texts.forEach(text -> add(out, op, text));
    }

    /** Consecutive tokens of the same kind merge into one. */
    private static void add(List<Token> out, Op op, String text) {
        if (!out.isEmpty() && out.get(out.size() - 1).op() == op) {
            Token last = out.remove(out.size() - 1);
            out.add(new Token(op, last.text() + text));
        } else {
            out.add(new Token(op, text));
        }
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    private WordDiff() {}
}
