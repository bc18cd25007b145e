package org.chorus.signatures.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Mail-bombing one mailbox under several spellings of its address spends one budget (attacker pass). */
class MailboxBudgetTest {

    @Test
    void spellingsOfOneMailboxShareOneConfirmationMailBudget() {
        String victim = RateLimits.mailbox("bombed.victim@fuzz.example");

        assertThat(RateLimits.mailbox("\"bombed.victim\"@fuzz.example")).isEqualTo(victim);
        assertThat(RateLimits.mailbox("Bombed.Victim+1@Fuzz.Example")).isEqualTo(victim);
        assertThat(RateLimits.mailbox(" bombed.victim+2@fuzz.example. ")).isEqualTo(victim);
        assertThat(RateLimits.mailbox("other@fuzz.example")).isNotEqualTo(victim);
        assertThat(RateLimits.mailbox("+bombed@fuzz.example")).isEqualTo("+bombed@fuzz.example");
    }
}
