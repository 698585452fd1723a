package org.visaport.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.visaport.testsupport.DemoUser;
import org.visaport.testsupport.ResourceServerContract;

/** The gateway's door rules plus its routing, with recording stand-ins where the services would be. */
abstract class GatewayContract extends ResourceServerContract {

    private static final RecordingBackend NEWS = new RecordingBackend();
    private static final RecordingBackend NOTIFICATIONS = new RecordingBackend();

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("NEWS_SERVICE_URI", NEWS::uri);
        registry.add("NOTIFICATION_SERVICE_URI", NOTIFICATIONS::uri);
    }

    @Override
    protected String protectedPath() {
        return "/api/notifications/inbox";
    }

    @Override
    protected int statusForMember() {
        return 200;
    }

    @Test
    void routesToTheOwningServiceWithTheCallersToken() {
        String token = parts().keycloak().accessToken(DemoUser.MEMBER);

        assertThat(get("/api/notifications/inbox?limit=5", token).status()).isEqualTo(200);

        assertThat(NOTIFICATIONS.received()).contains(new RecordingBackend.Received("/api/notifications/inbox", "Bearer " + token, "127.0.0.1"));
    }

    @Test
    void letsAnonymousReadersReachTheNews() {
        assertThat(get("/api/news/articles", null).status()).isEqualTo(200);

        assertThat(NEWS.received()).contains(new RecordingBackend.Received("/api/news/articles", null, "127.0.0.1"));
    }

    @Test
    void refusesABadTokenEvenOnAPublicPath() {
        assertThat(get("/api/news/articles", parts().keycloak().otherIssuerToken()).status()).isEqualTo(401);
    }
}
