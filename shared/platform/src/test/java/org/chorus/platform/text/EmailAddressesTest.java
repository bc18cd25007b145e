package org.chorus.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class EmailAddressesTest {

    @Test
    void addressesAtAnIpAddressOrASingleNameReachNoMailboxAndAreRefusedAsSuch() {
        for (String address : new String[] {
            "a@[127.0.0.1]", "a@[IPv6:::1]", "a@127.0.0.1", "a@localhost", "a@localhost.", "a@10.0.0.1.", "a@intranet"
        }) {
            assertThat(EmailAddresses.check(address)).as(address).isEqualTo(EmailAddresses.Verdict.NOT_A_DOMAIN_NAME);
        }
    }

    @Test
    void ordinaryAddressesInEveryScriptAreAccepted() {
        for (String address : new String[] {
            "office@lawyersforlawyers.example",
            "Press+Statements@NGO.example",
            "\"quoted local\"@ngo.example",
            "press@ngo.example.",
            "amina.diallo@ong-sénégal.example",
            "контакт@правозащита.рф",
            "联系@人权.中国",
            "info@xn--80aswg.xn--p1ai"
        }) {
            assertThat(EmailAddresses.check(address)).as(address).isEqualTo(EmailAddresses.Verdict.ACCEPTED);
        }
    }

    @Test
    void malformedAddressesAreRefused() {
        for (String address : new String[] {
            "",
            "not-an-address",
            "a@",
            "@b.example",
            "a b@c.example",
            "a@@b.example",
            "a..b@c.example",
            ".a@c.example",
            "a@b..example",
            "a@-b.example",
            "a@b.example\n",
            "a@b_c.example",
            "x".repeat(65) + "@b.example"
        }) {
            assertThat(EmailAddresses.check(address)).as(address).isEqualTo(EmailAddresses.Verdict.MALFORMED);
        }
    }

    @Property
    void noAddressAtAnIpLiteralOrABareIpv4AddressIsEverAccepted(
            @ForAll("localParts") String local, @ForAll("ipDomains") String domain) {
        assertThat(EmailAddresses.acceptable(local + "@" + domain)).isFalse();
    }

    @Property
    void anAddressAtATwoLabelNameWithALetterInItsLastLabelIsAccepted(
            @ForAll("localParts") String local, @ForAll("labels") String name, @ForAll("topLabels") String top) {
        assertThat(EmailAddresses.acceptable(local + "@" + name + "." + top)).isTrue();
    }

    @Provide
    Arbitrary<String> localParts() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .numeric()
                .withChars("+-_")
                .ofMinLength(1)
                .ofMaxLength(30);
    }

    @Provide
    Arbitrary<String> labels() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .numeric()
                .ofMinLength(1)
                .ofMaxLength(40);
    }

    @Provide
    Arbitrary<String> topLabels() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(10);
    }

    @Provide
    Arbitrary<String> ipDomains() {
        Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
        Arbitrary<String> ipv4 =
                Combinators.combine(octet, octet, octet, octet).as((a, b, c, d) -> a + "." + b + "." + c + "." + d);
        Arbitrary<String> ipv6 = Arbitraries.strings()
                .withChars("0123456789abcdef:")
                .ofMinLength(2)
                .ofMaxLength(39);
        return Arbitraries.oneOf(
                ipv4,
                ipv4.map(ip -> "[" + ip + "]"),
                ipv4.map(ip -> ip + "."),
                ipv6.map(ip -> "[IPv6:" + ip + "]"),
                ipv6.map(ip -> "[" + ip + "]"));
    }
}
