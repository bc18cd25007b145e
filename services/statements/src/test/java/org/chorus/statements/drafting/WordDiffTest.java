package org.chorus.statements.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.chorus.statements.drafting.WordDiff.Op;
import org.chorus.statements.drafting.WordDiff.Token;
import org.junit.jupiter.api.Test;

/** The word diff without a server: what it shows must rebuild both texts, and change as few words as possible. */
class WordDiffTest {

    @Test
    void smallKnownCasesChangeTheFewestWords() {
        assertThat(WordDiff.between("", "")).isEmpty();
        assertThat(WordDiff.between("", "new text")).containsExactly(new Token(Op.INSERT, "new text"));
        assertThat(WordDiff.between("old text", "")).containsExactly(new Token(Op.DELETE, "old text"));
        assertThat(WordDiff.between("release them now", "release them all now"))
                .containsExactly(
                        new Token(Op.EQUAL, "release them "), new Token(Op.INSERT, "all "), new Token(Op.EQUAL, "now"));
        assertThat(changedTokens(WordDiff.between("a b c d e", "a c d b e")))
                .as("a moved word is its word and space deleted once and inserted once")
                .isEqualTo(4);
        assertThat(WordDiff.between("Immediately and unconditionally release", "Immediately release"))
                .containsExactly(
                        new Token(Op.EQUAL, "Immediately "),
                        new Token(Op.DELETE, "and unconditionally "),
                        new Token(Op.EQUAL, "release"));
        assertThat(WordDiff.between("x a a a y", "x a a y"))
                .as("of equal choices the deletion is placed last")
                .containsExactly(new Token(Op.EQUAL, "x a a "), new Token(Op.DELETE, "a "), new Token(Op.EQUAL, "y"));
        assertThat(WordDiff.between("We urge the government to act.", "We ask the authorities to act now."))
                .containsExactly(
                        new Token(Op.EQUAL, "We "),
                        new Token(Op.DELETE, "urge"),
                        new Token(Op.INSERT, "ask"),
                        new Token(Op.EQUAL, " the "),
                        new Token(Op.DELETE, "government"),
                        new Token(Op.INSERT, "authorities"),
                        new Token(Op.EQUAL, " to "),
                        new Token(Op.DELETE, "act."),
                        new Token(Op.INSERT, "act now."));
    }

    @Test
    void randomTextsAreRebuiltExactlyAndTheDiffIsAsSmallAsTheLongestCommonSubsequenceAllows() {
        Random random = new Random(4);
        for (int round = 0; round < 2_000; round++) {
            String a = randomText(random, random.nextInt(40), 1 + random.nextInt(6));
            String b = random.nextBoolean()
                    ? randomText(random, random.nextInt(40), 1 + random.nextInt(6))
                    : mutate(random, a);
            List<Token> diff = WordDiff.between(a, b);
            assertThat(side(diff, Op.INSERT)).as("%s → %s", a, b).isEqualTo(a);
            assertThat(side(diff, Op.DELETE)).as("%s → %s", a, b).isEqualTo(b);
            List<String> x = WordDiff.tokens(a);
            List<String> y = WordDiff.tokens(b);
            assertThat(changedTokens(diff))
                    .as("minimal for %s → %s", a, b)
                    .isEqualTo(x.size() + y.size() - 2 * lcs(x, y));
            for (int i = 1; i < diff.size(); i++) {
                assertThat(diff.get(i).op()).isNotEqualTo(diff.get(i - 1).op());
            }
        }
    }

    @Test
    void fiftyThousandWordsWithScatteredChangesAreComparedExactly() {
        Random random = new Random(50_000);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            words.add("w" + random.nextInt(5_000));
        }
        List<String> changed = new ArrayList<>(words);
        int edits = 0;
        for (int i = 0; i < changed.size(); i += 500 + random.nextInt(500)) {
            changed.set(i, "changed" + i);
            edits++;
        }
        String a = String.join(" ", words);
        String b = String.join(" ", changed);
        List<Token> diff = WordDiff.between(a, b);
        assertThat(side(diff, Op.INSERT)).isEqualTo(a);
        assertThat(side(diff, Op.DELETE)).isEqualTo(b);
        assertThat(changedTokens(diff))
                .as("one word out, one word in per change")
                .isEqualTo(2 * edits);
        assertThat(diff.stream().filter(t -> t.op() == Op.DELETE).count()).isEqualTo(edits);
    }

    /** The text on one side: everything but the other side's changes. */
    static String side(List<Token> diff, Op otherSide) {
        StringBuilder text = new StringBuilder();
        diff.stream().filter(t -> t.op() != otherSide).forEach(t -> text.append(t.text()));
        return text.toString();
    }

    static int changedTokens(List<Token> diff) {
        return diff.stream()
                .filter(t -> t.op() != Op.EQUAL)
                .mapToInt(t -> WordDiff.tokens(t.text()).size())
                .sum();
    }

    private static int lcs(List<String> a, List<String> b) {
        int[][] table = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                table[i][j] = a.get(i).equals(b.get(j))
                        ? table[i + 1][j + 1] + 1
                        : Math.max(table[i + 1][j], table[i][j + 1]);
            }
        }
        return table[0][0];
    }

    private static String randomText(Random random, int words, int vocabulary) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                text.append(random.nextInt(5) == 0 ? "\n" : " ");
            }
            text.append((char) ('a' + random.nextInt(vocabulary)));
        }
        return text.toString();
    }

    private static String mutate(Random random, String text) {
        List<String> words = new ArrayList<>(List.of(text.split(" ", -1)));
        int changes = random.nextInt(6);
        for (int c = 0; c < changes; c++) {
            int at = words.isEmpty() ? 0 : random.nextInt(words.size());
            switch (random.nextInt(3)) {
                case 0 -> words.add(at, String.valueOf((char) ('a' + random.nextInt(8))));
                case 1 -> {
                    if (!words.isEmpty()) {
                        words.remove(at);
                    }
                }
                default -> {
                    if (!words.isEmpty()) {
                        words.set(at, String.valueOf((char) ('a' + random.nextInt(8))));
                    }
                }
            }
        }
        return String.join(" ", words);
    }
}
