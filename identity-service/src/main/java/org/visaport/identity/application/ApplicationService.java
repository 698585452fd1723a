package org.visaport.identity.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.visaport.identity.keycloak.KeycloakAdminClient;
import org.visaport.identity.membership.Consent;
import org.visaport.identity.membership.Credentials;
import org.visaport.identity.membership.Membership;
import org.visaport.identity.membership.MembershipStore;
import org.visaport.identity.ratelimit.RateLimitProperties;
import org.visaport.platform.hashing.Hashing;
import org.visaport.platform.idempotency.IdempotencyKeys;
import org.visaport.platform.problem.Problems;
import org.visaport.platform.ratelimit.RateLimits;

/**
 * Takes applications. What an applicant is told must not depend on whether the e-mail address is known, not even in
 * how long the answer takes: so the request only checks the input (the password against the realm's policy
 * included), claims the address by writing the membership as PROVISIONING (which a known address fails on its unique
 * index), and answers 202. The Keycloak account, or for a known address the notice to its owner, is made afterwards
 * by {@link Provisioning}. While Keycloak does not answer, every application gets 503 and nothing is stored.
 */
@Service
public class ApplicationService {

    /** Applications are anonymous: one key space for all of them. */
    static final String IDEMPOTENCY_SCOPE = "application";

    private final MembershipStore store;
    private final KeycloakAdminClient keycloak;
    private final Provisioning provisioning;
    private final IdempotencyKeys idempotencyKeys;
    private final RateLimits rateLimits;
    private final RateLimitProperties limits;
    private final Clock clock;

    public ApplicationService(MembershipStore store, KeycloakAdminClient keycloak, Provisioning provisioning,
                              IdempotencyKeys idempotencyKeys, RateLimits rateLimits, RateLimitProperties limits, Clock clock) {
        this.store = store;
        this.keycloak = keycloak;
        this.provisioning = provisioning;
        this.idempotencyKeys = idempotencyKeys;
        this.rateLimits = rateLimits;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * @param idempotencyKey the client's key, or null; a retry with the same key and request gets the same answer and
     *                       changes nothing, the same key with another request is refused (422)
     */
    public ApplicationReceipt apply(ApplicationRequest request, String idempotencyKey, String clientAddress) {
        String email = request.email().strip().toLowerCase(Locale.ROOT);
        // Nothing to hand back: every accepted application gets the same receipt.
        idempotencyKeys.once(IDEMPOTENCY_SCOPE, idempotencyKey, () -> fingerprint(request, email), () -> {
            accept(request, email, clientAddress);
            return "";
        });
        return ApplicationReceipt.RECEIVED;
    }

    private void accept(ApplicationRequest request, String email, String clientAddress) {
        rateLimits.acquire("application-address:" + clientAddress, limits.applicationsPerAddress(), limits.addressWindow());
        rateLimits.acquire("application-email:" + Hashing.sha256(email), limits.applicationsPerEmail(), limits.emailWindow());
        keycloak.passwordPolicy().violation(request.password(), email).ifPresent(why -> {
            throw Problems.invalidField("password", why);
        });
        Membership provisional = provisional(request, email, clock.instant());
        try {
            store.insert(provisional);
            provisioning.createAccount(provisional, request.password());
        } catch (DuplicateKeyException known) {
            provisioning.tellOwnerOfDuplicate(email);
        }
    }

    private static Membership provisional(ApplicationRequest r, String email, Instant now) {
        Credentials credentials = new Credentials(r.countryCode(), r.mission().strip(), r.position().strip(),
                r.accreditationNumber().strip(), r.postingCity().strip(), r.postingEndsOn());
        return Membership.provisional(UUID.randomUUID().toString(), email, r.fullName().strip(), r.language(), credentials,
                new Consent(r.termsVersion(), now), now);
    }

    private static String fingerprint(ApplicationRequest r, String email) {
        return IdempotencyKeys.fingerprint(r.fullName(), email, r.countryCode(), r.mission(), r.position(), r.accreditationNumber(),
                r.postingCity(), r.language(), String.valueOf(r.postingEndsOn()), r.termsVersion());
    }
}
