package org.chorus.statements.drafting;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Prints how long the word diff takes for long statements; no assertions. Run with
 * {@code java -cp target/classes:target/test-classes org.chorus.statements.drafting.WordDiffBenchmark}.
 */
final class WordDiffBenchmark {

    public static void main(String[] args) {
        for (int words : new int[] {5_000, 50_000, 200_000}) {
            for (int changes : new int[] {10, 100, 1_000}) {
                Random random = new Random(words + changes);
                List<String> a = new ArrayList<>();
                for (int i = 0; i < words; i++) {
                    a.add("w" + random.nextInt(5_000));
                }
                List<String> b = new ArrayList<>(a);
                for (int c = 0; c < changes; c++) {
                    b.set(random.nextInt(b.size()), "changed" + c);
                }
                String from = String.join(" ", a);
                String to = String.join(" ", b);
                WordDiff.between(from, to);
                long best = Long.MAX_VALUE;
                int tokens = 0;
                for (int run = 0; run < 3; run++) {
                    long start = System.nanoTime();
                    tokens = WordDiff.between(from, to).size();
                    best = Math.min(best, System.nanoTime() - start);
                }
                System.out.printf(
                        "%,9d words, %,6d changed: %,8.1f ms (best of 3), %,d runs in the diff%n",
                        words, changes, best / 1e6, tokens);
            }
        }
    }

    private WordDiffBenchmark() {}
}
