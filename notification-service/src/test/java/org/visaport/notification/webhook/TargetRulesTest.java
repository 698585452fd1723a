package org.visaport.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetRulesTest {

    /** A DNS of its own: names resolve only as listed here. */
    private static final Map<String, String> DNS = Map.of(
            "hooks.partner.example", "203.0.113.10",
            "rebound.example", "10.1.2.3",
            "metadata.example", "169.254.169.254",
            "api.partner.example", "198.51.100.7");

    private static TargetRules rules(List<String> hosts, List<String> networks) {
        return new TargetRules(hosts, networks, host -> {
            if (host.matches("[0-9a-f.:]+")) {
                return InetAddress.getAllByName(host);
            }
            String address = DNS.get(host);
            if (address == null) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(address)};
        });
    }

    private final TargetRules open = rules(List.of(), List.of());

    @Test
    void aPublicHttpsOrHttpUrlIsAccepted() {
        assertThat(open.refusalOnRegistration("https://hooks.partner.example/visaport")).isEmpty();
        assertThat(open.refusalOnDelivery("http://203.0.113.10:8080/in")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://hooks.partner.example/x", "gopher://hooks.partner.example/",
            "hooks.partner.example/x", "https://user:pw@hooks.partner.example/", "https:///nohost", "not a url"})
    void whatIsNoWebUrlIsInvalid(String url) {
        assertThat(open.invalid(url)).isPresent();
        assertThat(open.refusalOnRegistration(url)).isPresent();
        assertThat(open.refusalOnDelivery(url)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/", "http://127.9.9.9/", "http://[::1]/", "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.5/", "http://172.16.0.1/", "http://172.31.255.255/", "http://192.168.1.1/", "http://[fd12::1]/",
            "http://[fe80::1]/", "http://0.0.0.0/", "http://[::]/", "http://224.0.0.1/", "http://[ff02::1]/",
            "http://100.64.0.1/", "http://[::ffff:127.0.0.1]/", "http://[64:ff9b::a9fe:a9fe]/", "http://[2002:7f00:1::]/",
            "http://metadata.example/", "http://rebound.example/"})
    void internalAddressesAreRefused(String url) {
        assertThat(open.invalid(url)).isEmpty();
        assertThat(open.refusalOnRegistration(url)).get().asString().contains("which webhooks may not reach");
        assertThat(open.refusalOnDelivery(url)).isPresent();
    }

    @Test
    void theRefusalSaysWhatKindOfAddressItIs() {
        assertThat(open.refusalOnRegistration("http://169.254.169.254/")).get().asString().contains("link-local");
        assertThat(open.refusalOnRegistration("http://127.0.0.1/")).get().asString().contains("loopback");
        assertThat(open.refusalOnRegistration("http://rebound.example/")).get().asString()
                .contains("resolves to 10.1.2.3").contains("private");
    }

    @Test
    void anAllowedNetworkOpensExactlyItsAddresses() {
        TargetRules rules = rules(List.of(), List.of("127.0.0.1/32", "10.20.0.0/16"));
        assertThat(rules.refusalOnDelivery("http://127.0.0.1:9000/")).isEmpty();
        assertThat(rules.refusalOnDelivery("http://127.0.0.2:9000/")).isPresent();
        assertThat(rules.refusalOnDelivery("http://10.20.255.1/")).isEmpty();
        assertThat(rules.refusalOnDelivery("http://10.21.0.1/")).isPresent();
        assertThat(rules.refusalOnDelivery("http://169.254.169.254/")).isPresent();
    }

    @Test
    void withAllowedHostsOnlyThoseAreAccepted() {
        TargetRules rules = rules(List.of("hooks.partner.example", "*.other.example"), List.of());
        assertThat(rules.refusalOnRegistration("https://hooks.partner.example/x")).isEmpty();
        assertThat(rules.refusalOnRegistration("https://HOOKS.partner.example/x")).isEmpty();
        assertThat(rules.refusalOnRegistration("https://api.partner.example/x")).get().asString().contains("allowed hosts");
        assertThat(rules.refusalOnRegistration("https://a.other.example/x")).isEmpty();
        assertThat(rules.refusalOnRegistration("https://other.example.evil.example/x")).isPresent();
    }

    @Test
    void anAllowedHostStillMayNotResolveInside() {
        TargetRules rules = rules(List.of("rebound.example"), List.of());
        assertThat(rules.refusalOnDelivery("https://rebound.example/x")).get().asString().contains("private");
    }

    @Test
    void aHostThatDoesNotResolveYetMayBeRegisteredButIsNotSentTo() {
        assertThat(open.refusalOnRegistration("https://not-yet.example/hook")).isEmpty();
        assertThat(open.refusalOnDelivery("https://not-yet.example/hook")).get().asString().contains("does not resolve");
    }

    @Test
    void aNetworkThatIsNoCidrIsRefusedAtStartUp() {
        assertThatThrownBy(() -> rules(List.of(), List.of("intranet.example/8"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rules(List.of(), List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rules(List.of(), List.of("10.0.0.0/x"))).isInstanceOf(IllegalArgumentException.class);
    }
}
