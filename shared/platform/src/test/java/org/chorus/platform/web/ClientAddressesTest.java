package org.chorus.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Which address a signer or a coordinator logging in is counted under, directly and behind reverse proxies. */
class ClientAddressesTest {

    @Test
    void withoutTrustedProxiesTheForwardedHeaderIsIgnored() {
        ClientAddresses addresses = ClientAddresses.configured(new MockEnvironment(), "chorus.test.trusted-proxies");

        assertThat(addresses.resolve("127.0.0.1", "203.0.113.77")).isEqualTo("127.0.0.1");
        assertThat(addresses.resolve("198.51.100.4", "10.0.0.1")).isEqualTo("198.51.100.4");
    }

    @Test
    void behindATrustedProxyTheRightmostUntrustedEntryCounts() {
        ClientAddresses addresses =
                new ClientAddresses(List.of("127.0.0.1", "10.0.0.0/8"), "chorus.test.trusted-proxies");

        assertThat(addresses.resolve("127.0.0.1", "198.51.100.9")).isEqualTo("198.51.100.9");
        assertThat(addresses.resolve("127.0.0.1", "198.51.100.9, 10.1.2.3")).isEqualTo("198.51.100.9");
        assertThat(addresses.resolve("10.9.9.9", "1.1.1.1, 198.51.100.9,10.1.2.3"))
                .as("an entry the client wrote itself, left of the proxy's, proves nothing")
                .isEqualTo("198.51.100.9");
        assertThat(addresses.resolve("127.0.0.1", "10.1.2.3, 10.4.5.6"))
                .as("all proxies: the leftmost")
                .isEqualTo("10.1.2.3");
        assertThat(addresses.resolve("127.0.0.1", null)).isEqualTo("127.0.0.1");
        assertThat(addresses.resolve("127.0.0.1", "198.51.100.9:51234")).isEqualTo("198.51.100.9");
    }

    @Test
    void aClientTalkingDirectlyCannotChooseItsAddress() {
        ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8"), "chorus.test.trusted-proxies");

        assertThat(addresses.resolve("198.51.100.20", "1.2.3.4")).isEqualTo("198.51.100.20");
        assertThat(addresses.resolve("10.0.0.5", "not-an-address")).isEqualTo("10.0.0.5");
        assertThat(addresses.resolve("10.0.0.5", "999.1.1.1")).isEqualTo("10.0.0.5");
        assertThat(addresses.resolve("10.0.0.5", "example.org"))
                .as("never looked up by name")
                .isEqualTo("10.0.0.5");
    }

    @Test
    void ipv6ProxiesAndClientsWork() {
        ClientAddresses addresses = new ClientAddresses(List.of("::1/128", "fd00::/8"), "chorus.test.trusted-proxies");

        assertThat(addresses.resolve("0:0:0:0:0:0:0:1", "2001:db8::5")).isEqualTo("2001:db8:0:0:0:0:0:5");
        assertThat(addresses.resolve("fd12::7", "[2001:db8::6]:443, fd00::1")).isEqualTo("2001:db8:0:0:0:0:0:6");
        assertThat(addresses.resolve("2001:db8::9", "2001:db8::5")).isEqualTo("2001:db8::9");
    }

    @Test
    void networksMatchTheirPrefixOnly() {
        ClientAddresses addresses =
                new ClientAddresses(List.of("192.168.4.0/22", "172.16.0.1/32"), "chorus.test.trusted-proxies");

        assertThat(addresses.resolve("192.168.7.255", "198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(addresses.resolve("192.168.8.0", "198.51.100.1")).isEqualTo("192.168.8.0");
        assertThat(addresses.resolve("172.16.0.2", "198.51.100.1")).isEqualTo("172.16.0.2");
    }

    @Test
    void theSettingIsReadAsAListOrCommaSeparatedAndRefusesWhatIsNotANetwork() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("chorus.signatures.trusted-proxies[0]", "127.0.0.0/8")
                .withProperty("chorus.signatures.trusted-proxies[1]", "::1");
        assertThat(ClientAddresses.configured(environment, "chorus.signatures.trusted-proxies")
                        .resolve("127.0.0.2", "198.51.100.3"))
                .isEqualTo("198.51.100.3");
        MockEnvironment commaSeparated =
                new MockEnvironment().withProperty("chorus.signatures.trusted-proxies", "10.0.0.0/8, 127.0.0.1");
        assertThat(ClientAddresses.configured(commaSeparated, "chorus.signatures.trusted-proxies")
                        .resolve("127.0.0.1", "198.51.100.3"))
                .isEqualTo("198.51.100.3");

        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33"), "chorus.test.trusted-proxies"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prefix length");
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.internal"), "chorus.test.trusted-proxies"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/x"), "chorus.test.trusted-proxies"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
