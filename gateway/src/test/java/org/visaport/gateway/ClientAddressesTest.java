package org.visaport.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private static final String LOOPBACK = "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1";
    private final ClientAddresses loopbackTrusted = new ClientAddresses(LOOPBACK);
    private final ClientAddresses balancers = new ClientAddresses("10\\.0\\.0\\.\\d+");

    @Test
    void aClientThatIsNoTrustedProxyIsTheClientWhateverItClaims() {
        assertThat(balancers.resolve("198.51.100.23", List.of())).isEqualTo("198.51.100.23");
        assertThat(balancers.resolve("198.51.100.23", List.of("203.0.113.7"))).isEqualTo("198.51.100.23");
        assertThat(balancers.resolve("198.51.100.23", List.of("203.0.113.7, 10.0.0.5"))).isEqualTo("198.51.100.23");
    }

    @Test
    void behindATrustedProxyTheClientIsTheAddressItSaw() {
        assertThat(balancers.resolve("10.0.0.5", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(loopbackTrusted.resolve("127.0.0.1", List.of("203.0.113.7, 127.0.0.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void whatAClientWroteBeforeTheFirstProxyCountsForNothing() {
        assertThat(balancers.resolve("10.0.0.5", List.of("1.2.3.4, 203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void theRightMostUntrustedAddressOfAChainIsTheClient() {
        assertThat(balancers.resolve("10.0.0.5", List.of("203.0.113.7, 198.51.100.23, 10.0.0.9"))).isEqualTo("198.51.100.23");
    }

    @Test
    void readsSeveralHeaderLinesAsOneList() {
        assertThat(balancers.resolve("10.0.0.5", List.of("1.2.3.4, 203.0.113.7", "10.0.0.9"))).isEqualTo("203.0.113.7");
        assertThat(balancers.resolve("10.0.0.5", List.of("203.0.113.7,,", " ", "10.0.0.9"))).isEqualTo("203.0.113.7");
    }

    @Test
    void whenEveryHopIsATrustedProxyTheLeftMostIsTheClient() {
        assertThat(balancers.resolve("10.0.0.5", List.of())).isEqualTo("10.0.0.5");
        assertThat(balancers.resolve("10.0.0.5", List.of("10.0.0.7, 10.0.0.9"))).isEqualTo("10.0.0.7");
    }

    @Test
    void somethingThatIsNoAddressStopsAtTheProxyThatHandedItOn() {
        assertThat(balancers.resolve("10.0.0.5", List.of("unknown"))).isEqualTo("10.0.0.5");
        assertThat(balancers.resolve("10.0.0.5", List.of("203.0.113.7, evil.example, 10.0.0.9"))).isEqualTo("10.0.0.9");
        assertThat(balancers.resolve("10.0.0.5", List.of("300.1.1.1"))).isEqualTo("10.0.0.5");
        assertThat(balancers.resolve("10.0.0.5", List.of("010.0.0.7"))).isEqualTo("10.0.0.5");
        assertThat(balancers.resolve("10.0.0.5", List.of("1.2.3"))).isEqualTo("10.0.0.5");
        assertThat(balancers.resolve("10.0.0.5", List.of("2001:db8::1%eth0"))).isEqualTo("10.0.0.5");
        assertThat(balancers.resolve("10.0.0.5", List.of("2001:db8:::1"))).isEqualTo("10.0.0.5");
    }

    @Test
    void readsPortsBracketsAndIpv6AsProxiesWriteThem() {
        assertThat(balancers.resolve("10.0.0.5", List.of("203.0.113.7:51234"))).isEqualTo("203.0.113.7");
        assertThat(balancers.resolve("10.0.0.5", List.of("[2001:db8::7]:443"))).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(balancers.resolve("10.0.0.5", List.of("[2001:db8::7]"))).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(balancers.resolve("10.0.0.5", List.of("2001:DB8::7"))).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(balancers.resolve("10.0.0.5", List.of("::ffff:203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void matchesTrustedProxiesInTheirLiteralForm() {
        assertThat(loopbackTrusted.resolve("0:0:0:0:0:0:0:1", List.of("203.0.113.7, ::1"))).isEqualTo("203.0.113.7");
        assertThat(loopbackTrusted.resolve("127.0.0.1", List.of("203.0.113.7, 127.0.0.1:8443"))).isEqualTo("203.0.113.7");
    }

    @Test
    void aBlankSettingTrustsNoProxy() {
        assertThat(new ClientAddresses("").resolve("127.0.0.1", List.of("203.0.113.7"))).isEqualTo("127.0.0.1");
        assertThat(new ClientAddresses(null).resolve("127.0.0.1", List.of("203.0.113.7"))).isEqualTo("127.0.0.1");
    }

    @Test
    void theWholeAddressMustMatch() {
        assertThat(new ClientAddresses("127\\.0\\.0\\.1").resolve("127.0.0.10", List.of("203.0.113.7"))).isEqualTo("127.0.0.10");
    }
}
