package org.chorus.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Which address a request counts under for rate limits. Normally the socket's. Behind reverse proxies listed in the
 * service's {@code chorus.<service>.trusted-proxies} (CIDRs such as {@code 10.0.0.0/8} or {@code ::1/128}; a bare
 * address means that one host; empty by default), a request whose socket address is one of them is counted under the
 * rightmost {@code X-Forwarded-For} entry that is not itself a trusted proxy: entries to its left were written by the
 * client and prove nothing. Callers only ever hash the answer; it is never stored or logged.
 */
public class ClientAddresses {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}):\\d{1,5}");
    private static final Pattern BRACKETED_IPV6 = Pattern.compile("\\[([0-9A-Fa-f:.]+)](?::\\d{1,5})?");

    private final List<Network> trusted;

    private final String property;

    /** The trusted proxies listed in {@code property} of the service's configuration. */
    public static ClientAddresses configured(Environment environment, String property) {
        return new ClientAddresses(
                Binder.get(environment)
                        .bind(property, Bindable.listOf(String.class))
                        .orElse(List.of()),
                property);
    }

    ClientAddresses(List<String> trustedProxies, String property) {
        this.property = property;
        List<Network> networks = new ArrayList<>();
        for (String cidr : trustedProxies) {
            if (!cidr.isBlank()) {
                networks.add(Network.parse(cidr.strip(), property));
            }
        }
        this.trusted = Collections.unmodifiableList(networks);
    }

    /** The address this request counts under. */
    public String of(HttpServletRequest request) {
        List<String> forwarded = Collections.list(request.getHeaders("X-Forwarded-For"));
        return resolve(request.getRemoteAddr(), forwarded.isEmpty() ? null : String.join(",", forwarded));
    }

    /**
     * The socket address, unless it is a trusted proxy and {@code forwardedFor} names a client: then the rightmost
     * entry that is not a trusted proxy (the leftmost entry when all are). An entry that is not an IP address ends
     * the walk with the socket address, so a garbled header never lets anyone pick their own key.
     */
    String resolve(String socketAddress, String forwardedFor) {
        if (trusted.isEmpty() || forwardedFor == null || forwardedFor.isBlank() || !isTrusted(socketAddress)) {
            return socketAddress;
        }
        String[] hops = forwardedFor.split(",");
        String client = socketAddress;
        for (int i = hops.length - 1; i >= 0; i--) {
            InetAddress hop = literal(hops[i].strip());
            if (hop == null) {
                return socketAddress;
            }
            client = hop.getHostAddress();
            if (!isTrusted(hop)) {
                return client;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        InetAddress parsed = literal(address);
        return parsed != null && isTrusted(parsed);
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(network -> network.contains(address));
    }

    /** An IPv4 or IPv6 literal (a port or brackets around IPv6 allowed), never looked up by name; else null. */
    static InetAddress literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return null;
        }
        String address = text;
        var withPort = IPV4_WITH_PORT.matcher(text);
        var bracketed = BRACKETED_IPV6.matcher(text);
        if (withPort.matches()) {
            address = withPort.group(1);
        } else if (bracketed.matches()) {
            address = bracketed.group(1);
        }
        boolean ipv4 = IPV4.matcher(address).matches();
        boolean ipv6 = address.indexOf(':') >= 0 && address.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            return null;
        }
        if (ipv4 && !validOctets(address)) {
            return null;
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }

    private static boolean validOctets(String address) {
        for (String octet : address.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    /** A network in CIDR notation; a bare address is a network of one. */
    record Network(byte[] address, int prefix) {
        static Network parse(String cidr, String property) {
            int slash = cidr.indexOf('/');
            String host = slash < 0 ? cidr : cidr.substring(0, slash);
            InetAddress address = literal(host);
            if (address == null || host.contains("[")) {
                throw new IllegalArgumentException(property + ": \"" + cidr
                        + "\" is not an IP address or CIDR network such as 10.0.0.0/8 or ::1/128");
            }
            int bits = address.getAddress().length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(cidr.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException(
                            property + ": \"" + cidr + "\" has a prefix length outside 0.." + bits);
                }
            }
            return new Network(address.getAddress(), prefix);
        }

        boolean contains(InetAddress candidate) {
            byte[] other = candidate.getAddress();
            if (other.length != address.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (other[i] != address[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (other[full] & mask) == (address[full] & mask);
        }
    }
}
