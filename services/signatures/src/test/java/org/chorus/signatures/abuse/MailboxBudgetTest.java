package org.chorus.signatures.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Mail-bombing one mailbox under several spellings of its address spends one budget (attacker pass). */
class MailboxBudgetTest {

    @Test
    void spellingsOfOneMailboxShareOneConfirmationMailBudget() {
        String victim = ConfirmationMailBudget.mailbox("bombed.victim@fuzz.example");

        assertThat(ConfirmationMailBudget.mailbox("\"bombed.victim\"@fuzz.example"))
                .isEqualTo(victim);
        assertThat(ConfirmationMailBudget.mailbox("Bombed.Victim+1@Fuzz.Example"))
                .isEqualTo(victim);
        assertThat(ConfirmationMailBudget.mailbox(" bombed.victim+2@fuzz.example. "))
                .isEqualTo(victim);
        assertThat(ConfirmationMailBudget.mailbox("other@fuzz.example")).isNotEqualTo(victim);
        assertThat(ConfirmationMailBudget.mailbox("+bombed@fuzz.example")).isEqualTo("+bombed@fuzz.example");
    }
}
