package org.visaport.notification.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where webhooks may go, against server-side request forgery: only {@code http} and {@code https}, no credentials in
 * the URL, only the configured hosts when some are, and never an address inside the service's own networks (loopback,
 * private, link-local — the cloud metadata service at 169.254.169.254 among them —, unspecified, multicast and a few
 * reserved ranges) unless it lies in a configured allowed network. Checked when an endpoint is registered or changed,
 * and again before every attempt on the addresses the host resolves to then, so a name that later resolves inside
 * (DNS rebinding) is refused too.
 */
final class TargetRules {

    /** Resolves a host name to its addresses (a seam for tests). */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final List<String> allowedHosts;
    private final List<Cidr> allowedNetworks;
    private final Resolver resolver;

    TargetRules(List<String> allowedHosts, List<String> allowedPrivateNetworks, Resolver resolver) {
        this.allowedHosts = allowedHosts.stream().map(host -> host.toLowerCase(Locale.ROOT)).toList();
        this.allowedNetworks = networks(allowedPrivateNetworks);
        this.resolver = resolver;
    }

    TargetRules(WebhookProperties properties) {
        this(properties.allowedHosts(), properties.allowedPrivateNetworks(), InetAddress::getAllByName);
    }

    static List<Cidr> networks(List<String> cidrs) {
        return cidrs.stream().map(Cidr::parse).toList();
    }

    /**
     * Why the URL is refused when registered, if it is. A host that does not resolve now is accepted (its DNS record
     * may come later); every delivery checks again.
     */
    Optional<String> refusalOnRegistration(String url) {
        return refusal(url, false);
    }

    /** Why a delivery to the URL is refused now, if it is; a host that does not resolve is refused too. */
    Optional<String> refusalOnDelivery(String url) {
        return refusal(url, true);
    }

    /** Why the URL is no valid webhook URL at all (400), before asking where it points. */
    Optional<String> invalid(String url) {
        return host(url).fold();
    }

    private Optional<String> refusal(String url, boolean mustResolve) {
        Parsed parsed = host(url);
        if (parsed.invalid() != null) {
            return Optional.of(parsed.invalid());
        }
        String host = parsed.host();
        if (!allowedHosts.isEmpty() && allowedHosts.stream().noneMatch(hostMatches(host))) {
            return Optional.of("host " + host + " is not among the allowed hosts");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException | SecurityException e) {
            return mustResolve ? Optional.of("host " + host + " does not resolve") : Optional.empty();
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = refusal(address);
            if (refused.isPresent()) {
                return Optional.of("host " + host + " resolves to " + address.getHostAddress() + ", " + refused.get());
            }
        }
        return Optional.empty();
    }

    /** The URL's host in lower case without brackets, or why there is none. */
    private record Parsed(String host, String invalid) {

        Optional<String> fold() {
            return Optional.ofNullable(invalid);
        }
    }

    private static Parsed host(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return new Parsed(null, "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new Parsed(null, "must be an http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return new Parsed(null, "must not carry credentials");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return new Parsed(null, "names no valid host");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new Parsed(host, null);
    }

    private static java.util.function.Predicate<String> hostMatches(String host) {
        return allowed -> allowed.startsWith("*.") ? host.endsWith(allowed.substring(1)) : host.equals(allowed);
    }

    /** Why the address may not be reached, if it may not. */
    Optional<String> refusal(InetAddress address) {
        if (allowedNetworks.stream().anyMatch(network -> network.contains(address))) {
            return Optional.empty();
        }
        Optional<String> kind = internalKind(address);
        if (kind.isEmpty() && address instanceof Inet6Address v6) {
            // IPv4 carried in IPv6 (compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16) is judged as that IPv4.
            Optional<InetAddress> embedded = embeddedIpv4(v6);
            if (embedded.isPresent()) {
                kind = internalKind(embedded.get());
            }
        }
        return kind.map(what -> "a " + what + " address, which webhooks may not reach");
    }

    private static Optional<String> internalKind(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        if (address.isSiteLocalAddress() || (address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc)) {
            return Optional.of("private");
        }
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            if (first == 0 || (first == 100 && second >= 64 && second <= 127) || Arrays.equals(bytes,
                    new byte[] {(byte) 255, (byte) 255, (byte) 255, (byte) 255})) {
                return Optional.of("reserved");
            }
        }
        return Optional.empty();
    }

    private static Optional<InetAddress> embeddedIpv4(Inet6Address address) {
        byte[] b = address.getAddress();
        try {
            if (address.isIPv4CompatibleAddress()) {
                return Optional.of(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
            }
            boolean nat64 = b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b
                    && Arrays.equals(Arrays.copyOfRange(b, 4, 12), new byte[8]);
            if (nat64) {
                return Optional.of(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
            }
            if (b[0] == 0x20 && b[1] == 0x02) {
                return Optional.of(InetAddress.getByAddress(Arrays.copyOfRange(b, 2, 6)));
            }
        } catch (UnknownHostException impossible) {
            // Four bytes always make an address.
        }
        return Optional.empty();
    }

    /** A network in CIDR notation, e.g. {@code 10.0.0.0/8} or {@code fd00::/8}. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String cidr) {
            String[] parts = cidr.trim().split("/", 2);
            try {
                // Only literals: a CIDR with a host name in it must not cause a DNS look-up.
                if (!parts[0].matches("[0-9a-fA-F:.]+")) {
                    throw new IllegalArgumentException();
                }
                byte[] network = InetAddress.getByName(parts[0]).getAddress();
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException();
                }
                return new Cidr(network, prefix);
            } catch (UnknownHostException | IllegalArgumentException e) {
                throw new IllegalArgumentException("not a CIDR network: " + cidr);
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }
}
