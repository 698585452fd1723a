package org.visaport.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class VerifiedTokensTest {

    private static final String ISSUER = "http://127.0.0.1:8180/realms/visaport";
    private static final VisaportSecurityProperties PROPERTIES =
            new VisaportSecurityProperties(ISSUER, "visaport-api", Duration.ZERO, List.of(), List.of(), null);

    @Test
    void aTokenVerifiedBeforeIsRecalledWhileItPassesTheRules() {
        VerifiedTokens verified = new VerifiedTokens(TokenRules.validator(PROPERTIES), 10);
        Jwt jwt = token("a", Instant.now().plusSeconds(60));

        assertThat(verified.recall("a")).isNull();
        verified.remember("a", jwt);
        assertThat(verified.recall("a")).isSameAs(jwt);
        assertThat(verified.recall("b")).isNull();
    }

    @Test
    void anExpiredTokenIsNoLongerRecalledAndIsForgotten() {
        VerifiedTokens verified = new VerifiedTokens(TokenRules.validator(PROPERTIES), 10);
        verified.remember("a", token("a", Instant.now().minusSeconds(1)));

        assertThat(verified.recall("a")).isNull();
        assertThat(verified.size()).isZero();
    }

    @Test
    void pastItsCapacityExpiredTokensGoFirstThenAll() {
        VerifiedTokens verified = new VerifiedTokens(TokenRules.validator(PROPERTIES), 2);
        verified.remember("old", token("old", Instant.now().minusSeconds(1)));
        verified.remember("a", token("a", Instant.now().plusSeconds(60)));
        verified.remember("b", token("b", Instant.now().plusSeconds(60)));
        assertThat(verified.size()).isEqualTo(2);
        assertThat(verified.recall("a")).isNotNull();

        verified.remember("c", token("c", Instant.now().plusSeconds(60)));
        assertThat(verified.size()).isEqualTo(1);
        assertThat(verified.recall("c")).isNotNull();
    }

    private static Jwt token(String value, Instant expiresAt) {
        return Jwt.withTokenValue(value).header("alg", "RS256").issuer(ISSUER).audience(List.of("visaport-api"))
                .subject("member-1").issuedAt(expiresAt.minusSeconds(300)).expiresAt(expiresAt).build();
    }
}
