package org.visaport.notification.unsubscribe;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;
import org.visaport.notification.subscription.Topic;
import org.visaport.platform.paging.Cursors;

/**
 * The tokens in unsubscribe links: member, topic and expiry, signed with HMAC-SHA256 (the kit's cursor signing under
 * a key of its own) so nobody can unsubscribe someone else or forge a token that lasts. A link in a mail works
 * without signing in, so the token is all that stands for the member.
 */
@Service
public class UnsubscribeTokens {

    private static final Logger log = LoggerFactory.getLogger(UnsubscribeTokens.class);
    private static final String SCOPE = "unsubscribe";

    /** What a valid token asks for. */
    public record Request(String memberId, Topic topic) {
    }

    /** Why a token is refused: a token this service never signed, or one that has expired. */
    static final class Refused extends RuntimeException {

        private final boolean expired;

        Refused(boolean expired) {
            super(expired ? "expired unsubscribe token" : "invalid unsubscribe token", null, false, false);
            this.expired = expired;
        }

        boolean expired() {
            return expired;
        }
    }

    private final Cursors signer;
    private final Clock clock;
    private final Duration validFor;

    UnsubscribeTokens(@Value("${visaport.notifications.unsubscribe.secret:}") String secret,
                      @Value("${visaport.notifications.unsubscribe.valid-for:P60D}") Duration validFor, Clock clock) {
        this.signer = new Cursors(key(secret));
        this.validFor = validFor;
        this.clock = clock;
    }

    public String issue(String memberId, Topic topic) {
        return signer.encode(SCOPE, memberId, topic.name(), Long.toString(clock.instant().plus(validFor).getEpochSecond()));
    }

    /** The member and topic of a token this service signed and that has not expired; otherwise {@link Refused}. */
    Request verify(String token) {
        if (token == null || token.isBlank()) {
            throw new Refused(false);
        }
        List<String> values;
        Topic topic;
        Instant expires;
        try {
            values = signer.decode(SCOPE, token, 3);
            topic = Topic.valueOf(values.get(1));
            expires = Instant.ofEpochSecond(Long.parseLong(values.get(2)));
        } catch (ErrorResponseException | IllegalArgumentException notSigned) {
            throw new Refused(false);
        }
        if (!clock.instant().isBefore(expires)) {
            throw new Refused(true);
        }
        return new Request(values.getFirst(), topic);
    }

    private static byte[] key(String secret) {
        if (secret == null || secret.isBlank()) {
            log.warn("VISAPORT_UNSUBSCRIBE_SECRET is not set: unsubscribe links are signed with a key made up for this "
                    + "instance, so links in mails stop working when it restarts and fail on other instances");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        }
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < 32) {
            throw new IllegalStateException("VISAPORT_UNSUBSCRIBE_SECRET needs at least 32 bytes");
        }
        return key;
    }
}
