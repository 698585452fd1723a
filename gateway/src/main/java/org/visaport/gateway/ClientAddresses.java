package org.visaport.gateway;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who the client is, by the usual rule for a chain of proxies: the hops are the addresses in {@code X-Forwarded-For}
 * followed by the connection's own address; walking them from the right, every trusted proxy is skipped, and the first
 * address that is not a trusted proxy is the client. Only a trusted proxy's word is taken, so a client that is not one
 * cannot choose its address; if every hop is a trusted proxy, the left-most one is as far as anyone can see.
 *
 * <p>Addresses are compared and reported in Java's literal form ({@code 203.0.113.7}, {@code 2001:db8:0:0:0:0:0:1}),
 * the same form the connection's address has; a port or brackets a proxy wrote are dropped. An entry that is no IP
 * address (a host name, {@code unknown}) ends the walk: the trusted proxy that handed it on counts as the client, since
 * nothing it said can be checked.
 */
public final class ClientAddresses {

    private static final Pattern IPV4 = Pattern.compile("(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("(" + IPV4.pattern() + "):\\d{1,5}");
    private static final Pattern IPV6_IN_BRACKETS = Pattern.compile("\\[([0-9A-Fa-f:.]+)](?::\\d{1,5})?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final Pattern trustedProxies;

    /** @param trustedProxies a regular expression the whole address must match; blank trusts no proxy at all */
    ClientAddresses(String trustedProxies) {
        this.trustedProxies = trustedProxies == null || trustedProxies.isBlank() ? null : Pattern.compile(trustedProxies);
    }

    /**
     * @param connection   the address the request came from, in literal form
     * @param forwardedFor the request's {@code X-Forwarded-For} header lines, in order
     * @return the client's address, in literal form
     */
    String resolve(String connection, List<String> forwardedFor) {
        String client = literal(connection).orElse(connection);
        if (!trusted(client)) {
            return client;
        }
        List<String> hops = hops(forwardedFor);
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<String> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                return client;
            }
            client = hop.get();
            if (!trusted(client)) {
                return client;
            }
        }
        return client;
    }

    /** The client of {@code exchange}, by its connection and the X-Forwarded-For it sent. */
    public String clientOf(org.springframework.web.server.ServerWebExchange exchange) {
        java.net.InetSocketAddress connection = exchange.getRequest().getRemoteAddress();
        String address = connection == null || connection.getAddress() == null ? "unknown" : connection.getAddress().getHostAddress();
        return resolve(address, exchange.getRequest().getHeaders().getOrEmpty("X-Forwarded-For"));
    }

    boolean trusted(String address) {
        return trustedProxies != null && trustedProxies.matcher(address).matches();
    }

    private static List<String> hops(List<String> headerLines) {
        List<String> hops = new ArrayList<>();
        for (String line : headerLines) {
            for (String entry : line.split(",")) {
                if (!entry.isBlank()) {
                    hops.add(entry.strip());
                }
            }
        }
        return hops;
    }

    /** The address in Java's literal form, or empty if the text is no IP address; never looks a name up. */
    static Optional<String> literal(String text) {
        String candidate = text.strip();
        var withPort = IPV4_WITH_PORT.matcher(candidate);
        var inBrackets = IPV6_IN_BRACKETS.matcher(candidate);
        if (withPort.matches()) {
            candidate = withPort.group(1);
        } else if (inBrackets.matches()) {
            candidate = inBrackets.group(1);
        }
        // Checked first, so InetAddress only ever parses a literal: a dotted quad, or text with a colon it must read as IPv6.
        if (!IPV4.matcher(candidate).matches() && !IPV6.matcher(candidate).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(candidate).getHostAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
