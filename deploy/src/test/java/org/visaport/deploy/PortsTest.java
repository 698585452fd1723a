package org.visaport.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void namesTheOwnerAndTheOverrideWhenAPortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThat(Ports.isFree(port)).isFalse();
            assertThatThrownBy(() -> Ports.requireFree("gateway", port, "VISAPORT_GATEWAY_PORT"))
                    .isInstanceOf(StackException.class)
                    .hasMessage("port " + port + " (gateway) is already in use; stop what uses it or set VISAPORT_GATEWAY_PORT to another port");
        }
    }

    @Test
    void findsAFreePort() {
        assertThat(Ports.isFree(Ports.findFree())).isTrue();
    }
}
