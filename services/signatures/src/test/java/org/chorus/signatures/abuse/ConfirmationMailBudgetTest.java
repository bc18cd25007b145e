package org.chorus.signatures.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.chorus.signatures.abuse.ConfirmationMailBudget.Keys;
import org.chorus.signatures.abuse.ConfirmationMailBudget.Waiting;
import org.junit.jupiter.api.Test;

/**
 * The confirmation-mail budget of a mailbox never refuses: it spaces mail out, and whoever was not mailed there
 * recently goes first, whatever networks an abuser spends it from.
 */
class ConfirmationMailBudgetTest {
    private static final String SECRET =
            Base64.getEncoder().encodeToString("a-test-secret-of-thirty-two-byte".getBytes());
    private static final Instant NOW = Instant.parse("2026-05-01T10:15:00Z");
    private static final String VICTIM = "press@ngo.example";

    private final ConfirmationMailBudget budget =
            new ConfirmationMailBudget(SECRET, Duration.ofHours(1), 25, 10, 5, 10);

    @Test
    void oneSenderGetsFiveMailsToAMailboxAnHourAndOneNetworkTen() {
        Keys forger = budget.keys(VICTIM, "203.0.113.66");
        int taken = 0;
        for (int i = 0; i < 50; i++) {
            taken += budget.take(budget.keys("Press+" + i + "@NGO.example", "203.0.113.66"), NOW) ? 1 : 0;
        }
        assertThat(taken).as("spellings of one mailbox share the sender's five").isEqualTo(5);
        assertThat(budget.take(forger, NOW.plus(Duration.ofMinutes(59)))).isFalse();
        for (int host = 1; host < 20; host++) {
            budget.take(budget.keys(VICTIM, "203.0.113." + host), NOW);
        }
        assertThat(budget.take(budget.keys(VICTIM, "203.0.113.250"), NOW))
                .as("ten from the /24 at most")
                .isFalse();
        assertThat(budget.take(budget.keys("other@ngo.example", "203.0.113.66"), NOW))
                .isTrue();
        assertThat(budget.take(forger, NOW.plus(Duration.ofMinutes(61))))
                .as("an hour later, the sender's share is back")
                .isTrue();
        assertThat(budget.mailboxKeys()).noneMatch(key -> key.contains("ngo.example"));
    }

    @Test
    void aMailboxGetsTenAtOnceThenOneEvery144SecondsHoweverManyNetworksSend() {
        int taken = 0;
        for (int net = 0; net < 40; net++) {
            taken += budget.take(budget.keys(VICTIM, "198.51." + net + ".7"), NOW) ? 1 : 0;
        }
        assertThat(taken).isEqualTo(10);
        assertThat(budget.take(budget.keys(VICTIM, "192.0.2.1"), NOW.plusSeconds(143)))
                .isFalse();
        assertThat(budget.take(budget.keys(VICTIM, "192.0.2.1"), NOW.plusSeconds(145)))
                .isTrue();
    }

    @Test
    void theRealSignerWaitsAheadOfTheNetworksThatSpentTheBudget() {
        List<Waiting<String>> line = new ArrayList<>();
        for (int net = 0; net < 2; net++) {
            for (int i = 0; i < 6; i++) {
                budget.take(budget.keys(VICTIM, "198.51." + net + "." + i), NOW);
            }
            line.add(new Waiting<>("forger " + net, budget.keys(VICTIM, "198.51." + net + ".99"), NOW));
        }
        line.add(new Waiting<>("signer", budget.keys(VICTIM, "192.0.2.33"), NOW.plusSeconds(1)));

        assertThat(budget.next(line, NOW.plusSeconds(2)))
                .as("the budget is spent")
                .isEmpty();
        assertThat(budget.next(line, NOW.plusSeconds(146))).map(Waiting::mail).contains("signer");
    }

    @Test
    void aSignerWaitsOnePlaceForEachNetworkNotMailedThereThatWaitedBeforeThem() {
        List<Waiting<String>> line = new ArrayList<>();
        for (int net = 0; net < 6; net++) {
            for (int i = 0; i < 5; i++) {
                budget.take(budget.keys(VICTIM, "198.51." + net + ".7"), NOW);
            }
            line.add(new Waiting<>("forger " + net, budget.keys(VICTIM, "198.51." + net + ".7"), NOW));
        }
        line.add(new Waiting<>("signer", budget.keys(VICTIM, "192.0.2.33"), NOW.plusSeconds(1)));
        List<String> order = new ArrayList<>();
        for (int slot = 1; slot <= 5; slot++) {
            Waiting<String> next =
                    budget.next(line, NOW.plusSeconds(144 * slot + 1)).orElseThrow();
            line.remove(next);
            order.add(next.mail());
        }
        assertThat(order)
                .as("the four networks the burst did not reach waited before the signer; the two it did, after")
                .containsExactly("forger 2", "forger 3", "forger 4", "forger 5", "signer");
    }

    @Test
    void ofEqualsTheOlderGoesFirstSoSigningAgainDoesNotJumpTheLine() {
        budget.take(budget.keys(VICTIM, "198.51.1.1"), NOW);
        List<Waiting<String>> line = new ArrayList<>(List.of(
                new Waiting<>("later", budget.keys(VICTIM, "198.51.2.1"), NOW.plusSeconds(5)),
                new Waiting<>("earlier", budget.keys(VICTIM, "198.51.3.1"), NOW.plusSeconds(3)),
                new Waiting<>("mailed recently", budget.keys(VICTIM, "198.51.1.1"), NOW)));
        assertThat(budget.next(line, NOW.plusSeconds(6))).map(Waiting::mail).contains("earlier");
    }

    @Property
    void everyAddressOfOneIpv6SlashFortyEightIsOneNetworkAndEverySlashSixtyFourOneSender(
            @ForAll @IntRange(min = 0, max = 0xffff) int subnet,
            @ForAll @IntRange(min = 0, max = 0xffff) int otherSubnet,
            @ForAll @IntRange(min = 1, max = 0xffff) int host,
            @ForAll @IntRange(min = 0, max = 0xffff) int site) {
        String a = "2001:db8:%x:%x::%x".formatted(site, subnet, host);
        String b = "2001:db8:%x:%x:1:2:3:%x".formatted(site, otherSubnet, host);
        assertThat(ConfirmationMailBudget.network(a)).isEqualTo(ConfirmationMailBudget.network(b));
        assertThat(ConfirmationMailBudget.sender(a).equals(ConfirmationMailBudget.sender(b)))
                .isEqualTo(subnet == otherSubnet);
        assertThat(ConfirmationMailBudget.network("2001:db8:%x::1".formatted((site + 1) % 0x10000)))
                .isNotEqualTo(ConfirmationMailBudget.network(a));
        assertThat(ConfirmationMailBudget.network("::1")).isNotEqualTo(ConfirmationMailBudget.network(a));
    }

    @Property
    void anIpv4AddressIsItsOwnSenderInItsSlashTwentyFour(
            @ForAll @IntRange(min = 0, max = 255) int c,
            @ForAll @IntRange(min = 0, max = 255) int d,
            @ForAll @IntRange(min = 0, max = 255) int otherD) {
        String a = "198.51." + c + "." + d;
        String b = "198.51." + c + "." + otherD;
        assertThat(ConfirmationMailBudget.network(a)).isEqualTo(ConfirmationMailBudget.network(b));
        assertThat(ConfirmationMailBudget.sender(a).equals(ConfirmationMailBudget.sender(b)))
                .isEqualTo(d == otherD);
        assertThat(ConfirmationMailBudget.network("198.52." + c + "." + d))
                .isNotEqualTo(ConfirmationMailBudget.network(a));
    }

    @Test
    void aNameIsNeverLookedUp() {
        assertThat(ConfirmationMailBudget.network("999.1.1.1")).isEqualTo("999.1.1.1");
        assertThat(ConfirmationMailBudget.network("example.org")).isEqualTo("example.org");
    }
}
