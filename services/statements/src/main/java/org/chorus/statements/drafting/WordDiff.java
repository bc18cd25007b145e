package org.chorus.statements.drafting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-level diff: both texts split into words and the whitespace between them, compared by Myers' O(ND) algorithm
 * in linear space (the "middle snake", divide and conquer; E. Myers, An O(ND) Difference Algorithm and Its Variations,
 * 1986). The result is minimal (fewest inserted plus deleted tokens) for texts of any length: memory grows with the
 * length of the texts, time with the length times the number of differences.
 *
 * <p>Where several minimal answers exist, the same one is shown every time: in each changed passage deletions come
 * before insertions, and a pure deletion or insertion is placed as late as it can go, so that the text it follows
 * stays unchanged (deleting "and unconditionally " after "Immediately ", not " and unconditionally" before "release").
 */
final class WordDiff {
    private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

    enum Op {
        EQUAL,
        INSERT,
        DELETE
    }

    record Token(Op op, String text) {}

    static List<Token> between(String from, String to) {
        List<String> a = tokens(from);
        List<String> b = tokens(to);
        Map<String, Integer> ids = new HashMap<>();
        int[] x = ids(a, ids);
        int[] y = ids(b, ids);
        Script script = new Script(a, b);
        new Myers(x, y, script).compare(0, x.length, 0, y.length);
        List<Edit> edits = script.edits;
        slidePureHunksLater(edits);
        deletionsFirst(edits);
        return merged(edits);
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    private static int[] ids(List<String> tokens, Map<String, Integer> ids) {
        int[] out = new int[tokens.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.computeIfAbsent(tokens.get(i), t -> ids.size());
        }
        return out;
    }

    /** One token of the edit script. */
    private record Edit(Op op, String text) {}

    /** Collects the edit script in order; the recursion below visits the texts from start to end. */
    private static final class Script {
        private final List<String> a;
        private final List<String> b;
        private final List<Edit> edits = new ArrayList<>();

        Script(List<String> a, List<String> b) {
            this.a = a;
            this.b = b;
        }

        void equal(int from, int to) {
            for (int i = from; i < to; i++) {
                edits.add(new Edit(Op.EQUAL, a.get(i)));
            }
        }

        void delete(int from, int to) {
            for (int i = from; i < to; i++) {
                edits.add(new Edit(Op.DELETE, a.get(i)));
            }
        }

        void insert(int from, int to) {
            for (int j = from; j < to; j++) {
                edits.add(new Edit(Op.INSERT, b.get(j)));
            }
        }
    }

    /** Myers' linear-space refinement: find the middle snake of an optimal path, then solve both halves. */
    private static final class Myers {
        private final int[] a;
        private final int[] b;
        private final Script script;
        private final int[] forward;
        private final int[] backward;
        private final int offset;

        Myers(int[] a, int[] b, Script script) {
            this.a = a;
            this.b = b;
            this.script = script;
            int max = (a.length + b.length + 1) / 2 + 1;
            this.offset = max + 1;
            this.forward = new int[2 * max + 3];
            this.backward = new int[2 * max + 3];
        }

        void compare(int aLo, int aHi, int bLo, int bHi) {
            int start = aLo;
            while (aLo < aHi && bLo < bHi && a[aLo] == b[bLo]) {
                aLo++;
                bLo++;
            }
            script.equal(start, aLo);
            int suffix = 0;
            while (aLo < aHi && bLo < bHi && a[aHi - 1] == b[bHi - 1]) {
                aHi--;
                bHi--;
                suffix++;
            }
            if (aLo == aHi) {
                script.insert(bLo, bHi);
            } else if (bLo == bHi) {
                script.delete(aLo, aHi);
            } else {
                int[] snake = middleSnake(aLo, aHi, bLo, bHi);
                compare(aLo, snake[0], bLo, snake[1]);
                script.equal(snake[0], snake[2]);
                compare(snake[2], aHi, snake[3], bHi);
            }
            script.equal(aHi, aHi + suffix);
        }

        /**
         * The middle snake {x, y, u, v} of an optimal edit path from (aLo, bLo) to (aHi, bHi): a run of equal tokens
         * from (x, y) to (u, v) such that the paths before and after it each need at most half the edits. Both ranges
         * are non-empty and their ends differ, so at least two edits are needed and both halves are smaller.
         */
        private int[] middleSnake(int aLo, int aHi, int bLo, int bHi) {
            int n = aHi - aLo;
            int m = bHi - bLo;
            int delta = n - m;
            boolean odd = (delta & 1) != 0;
            int max = (n + m + 1) / 2;
            // forward[k]: furthest x (from aLo) on diagonal k = x - y; backward[k]: furthest distance from the ends
            forward[offset + 1] = 0;
            backward[offset + 1] = 0;
            for (int d = 0; d <= max; d++) {
                for (int k = -d; k <= d; k += 2) {
                    int x = k == -d || (k != d && forward[offset + k - 1] < forward[offset + k + 1])
                            ? forward[offset + k + 1]
                            : forward[offset + k - 1] + 1;
                    int y = x - k;
                    int x0 = x;
                    int y0 = y;
                    while (x < n && y < m && a[aLo + x] == b[bLo + y]) {
                        x++;
                        y++;
                    }
                    forward[offset + k] = x;
                    int reverse = delta - k;
                    if (odd && reverse >= -(d - 1) && reverse <= d - 1 && x >= n - backward[offset + reverse]) {
                        return new int[] {aLo + x0, bLo + y0, aLo + x, bLo + y};
                    }
                }
                for (int k = -d; k <= d; k += 2) {
                    int x = k == -d || (k != d && backward[offset + k - 1] < backward[offset + k + 1])
                            ? backward[offset + k + 1]
                            : backward[offset + k - 1] + 1;
                    int y = x - k;
                    int x0 = x;
                    int y0 = y;
                    while (x < n && y < m && a[aHi - 1 - x] == b[bHi - 1 - y]) {
                        x++;
                        y++;
                    }
                    backward[offset + k] = x;
                    int ahead = delta - k;
                    if (!odd && ahead >= -d && ahead <= d && forward[offset + ahead] >= n - x) {
                        return new int[] {aHi - x, bHi - y, aHi - x0, bHi - y0};
                    }
                }
            }
            throw new IllegalStateException("no middle snake: the texts cannot be compared");
        }
    }

    /**
     * A passage only deleted (or only inserted) that could equally start one token later (the token after it equals
     * its first) moves there; repeated, it settles as late as it can.
     */
    private static void slidePureHunksLater(List<Edit> edits) {
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).op() == Op.EQUAL) {
                i++;
                continue;
            }
            int end = i;
            boolean pure = true;
            while (end < edits.size() && edits.get(end).op() != Op.EQUAL) {
                pure &= edits.get(end).op() == edits.get(i).op();
                end++;
            }
            while (pure
                    && end < edits.size()
                    && edits.get(end).text().equals(edits.get(i).text())) {
                // [h, rest…, e] becomes [e, rest…, h]: the same tokens in both texts, since e's text is h's
                Collections.swap(edits, i, end);
                i++;
                end++;
                while (end < edits.size() && edits.get(end).op() != Op.EQUAL) {
                    pure &= edits.get(end).op() == edits.get(i).op();
                    end++;
                }
            }
            i = end;
        }
    }

    /** Within each changed passage, deletions before insertions (each kind keeps its order). */
    private static void deletionsFirst(List<Edit> edits) {
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).op() == Op.EQUAL) {
                i++;
                continue;
            }
            int end = i;
            List<Edit> deleted = new ArrayList<>();
            List<Edit> inserted = new ArrayList<>();
            while (end < edits.size() && edits.get(end).op() != Op.EQUAL) {
                (edits.get(end).op() == Op.DELETE ? deleted : inserted).add(edits.get(end));
                end++;
            }
            for (Edit edit : deleted) {
                edits.set(i++, edit);
            }
            for (Edit edit : inserted) {
                edits.set(i++, edit);
            }
        }
    }

    /** Consecutive tokens of the same kind merge into one (built once, not by repeated concatenation). */
    private static List<Token> merged(List<Edit> edits) {
        List<Token> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < edits.size(); i++) {
            text.append(edits.get(i).text());
            if (i + 1 == edits.size() || edits.get(i + 1).op() != edits.get(i).op()) {
                out.add(new Token(edits.get(i).op(), text.toString()));
                text.setLength(0);
            }
        }
        return out;
    }

    private WordDiff() {}
}
