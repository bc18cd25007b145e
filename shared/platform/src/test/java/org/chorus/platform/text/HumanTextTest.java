package org.chorus.platform.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class HumanTextTest {

    /** Arbitrary text, heavy on what breaks lists: line ends, controls, bidi, zero-width, combining and astral. */
    static Arbitrary<String> hostileText() {
        Arbitrary<Character> hostile = Arbitraries.of(
                '\n', '\r', '\u000B', '\u000C', '\u0085', '\u2028', '\u2029', '\t', '\u0000', '\u001B', '\u0007',
                '\u007F', '\u009B', '\u202E', '\u202A', '\u2066', '\u2069', '\u200E', '\u200F', '\u061C', '\u200B',
                '\u200C', '\u200D', '\uFEFF', '\u2060', '\u00AD', '\u0301', '\u0308', ' ', '\u00A0', '=', '+', '-', '@',
                '"', ',', '(', ')', '.', 'e', 'A', 'ف', '中', 'я', '\uD800', '\uDC00');
        Arbitrary<String> astral = Arbitraries.of("\uD83D\uDE00", "\uD840\uDC0B", "\uD83C\uDDEB\uD83C\uDDF7");
        return Arbitraries.oneOf(
                        Arbitraries.strings().all().ofMaxLength(3),
                        hostile.map(String::valueOf),
                        astral,
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6))
                .list()
                .ofMaxSize(12)
                .map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> anyText() {
        return hostileText();
    }

    @Property(tries = 2000)
    void whatAOneLineFieldAcceptsIsOneLineOfVisibleNfcText(@ForAll("anyText") String typed) {
        String stored;
        try {
            stored = HumanText.singleLine("name", typed, 1000);
        } catch (RefusedText refused) {
            assertThat(refused.field()).isEqualTo("name");
            return;
        }
        assertThat(stored).isEqualTo(Normalizer.normalize(stored, Normalizer.Form.NFC));
        assertThat(stored).isEqualTo(stored.strip());
        stored.chars().forEach(c -> {
            assertThat(HumanText.isLineBreak((char) c)).isFalse();
            assertThat(Character.getType(c)).isNotEqualTo((int) Character.CONTROL);
            assertThat(HumanText.isInvisible((char) c)).isFalse();
        });
        assertThat(stored.lines().count()).isLessThanOrEqualTo(1);
        assertThat(HumanText.singleLine("name", stored, 1000)).isEqualTo(stored);
    }

    @Property(tries = 2000)
    void aFlattenedTextIsAlwaysOneLine(@ForAll("anyText") String stored) {
        String shown = HumanText.flattened(stored);
        assertThat(shown.chars()
                        .noneMatch(c -> HumanText.isLineBreak((char) c) || Character.getType(c) == Character.CONTROL))
                .isTrue();
        assertThat(shown.chars()
                        .noneMatch(c -> Character.isSurrogate((char) c)
                                && !(Character.isHighSurrogate((char) c) || Character.isLowSurrogate((char) c))))
                .isTrue();
    }

    @Property(tries = 2000)
    void aMultiLineFieldKeepsOnlyLineFeeds(@ForAll("anyText") String typed) {
        String stored;
        try {
            stored = HumanText.multiLine("body", typed, 1000);
        } catch (RefusedText refused) {
            assertThat(refused.reason()).isIn(RefusedText.Reason.CONTROL, RefusedText.Reason.BROKEN);
            return;
        }
        stored.chars().forEach(c -> {
            assertThat(c != '\n' && HumanText.isLineBreak((char) c)).isFalse();
            assertThat(c != '\n' && Character.getType(c) == Character.CONTROL).isFalse();
        });
    }

    @Test
    void aNameWithALineBreakIsRefusedNamingTheField() {
        assertThatThrownBy(
                        () -> HumanText.singleLine("name", "Amnesty\n3. Amnesty International (United Kingdom)", 200))
                .isInstanceOfSatisfying(RefusedText.class, refused -> {
                    assertThat(refused.field()).isEqualTo("name");
                    assertThat(refused.reason()).isEqualTo(RefusedText.Reason.LINE_BREAK);
                    assertThat(refused.messageKey()).isEqualTo("error.text.lineBreak");
                });
        assertThatThrownBy(() -> HumanText.singleLine("name", "Amnesty\u2028International", 200))
                .isInstanceOf(RefusedText.class);
        assertThatThrownBy(() -> HumanText.singleLine("name", "Tab\there", 200))
                .isInstanceOfSatisfying(
                        RefusedText.class,
                        refused -> assertThat(refused.reason()).isEqualTo(RefusedText.Reason.CONTROL));
        assertThatThrownBy(() -> HumanText.singleLine("name", "bell\u0007 and \u001B[31m", 200))
                .isInstanceOf(RefusedText.class);
        assertThatThrownBy(() -> HumanText.singleLine("name", "nul\u0000", 200)).isInstanceOf(RefusedText.class);
    }

    @Test
    void invisibleCharactersGoAndJoinersThatScriptsNeedStay() {
        assertThat(HumanText.singleLine("name", "\uFEFFAmnesty\u200B \u202Elanoitanretni\u202C\u2066", 200))
                .isEqualTo("Amnesty lanoitanretni");
        assertThat(HumanText.singleLine("name", "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645", 200))
                .isEqualTo("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645");
        assertThat(HumanText.singleLine("name", "\u0915\u094D\u200D\u0937", 200))
                .contains("\u200D");
    }

    @Test
    void textIsStoredAsNfcAndCountedInCodePoints() {
        assertThat(HumanText.singleLine("name", "Acción Solidaria", 200)).isEqualTo("Acci\u00F3n Solidaria");
        String astral = "\uD840\uDC0B".repeat(200);
        assertThat(HumanText.singleLine("name", astral, 200)).isEqualTo(astral);
        assertThatThrownBy(() -> HumanText.singleLine("name", astral + "x", 200))
                .isInstanceOfSatisfying(
                        RefusedText.class,
                        refused -> assertThat(refused.getMessage()).isEqualTo("name must be at most 200 characters"));
    }

    @Test
    void aMultiLineBodyKeepsItsParagraphsWithLineFeeds() {
        assertThat(HumanText.multiLine("body", "First\r\nSecond\rThird\u2028Fourth\n\n1.\tFifth", 1000))
                .isEqualTo("First\nSecond\nThird\nFourth\n\n1. Fifth");
        assertThatThrownBy(() -> HumanText.multiLine("body", "escape \u001B[2J", 1000))
                .isInstanceOf(RefusedText.class);
    }
}
