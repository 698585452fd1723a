package org.visaport.identity;

import java.time.Instant;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.visaport.identity.membership.Membership;
import org.visaport.identity.membership.MembershipStore;
import org.visaport.platform.outbox.OutboxEvent;

/**
 * The one seam the tests use: a membership store whose completing write fails, as a lost database connection would,
 * for applications whose e-mail address carries {@link #FAILING_MARKER}. Everything else goes to the real store, so the
 * same Spring context serves every test.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FaultInjection {

    public static final String FAILING_MARKER = "second-write-fails";

    @Bean
    @Primary
    MembershipStore faultInjectingMembershipStore(MongoTemplate mongo) {
        return new MembershipStore(mongo) {
            @Override
            public boolean completeProvisioning(String id, String memberId, List<OutboxEvent> entries, Instant now) {
                Membership provisional = mongo.findById(id, Membership.class);
                if (provisional != null && provisional.email().contains(FAILING_MARKER)) {
                    throw new DataAccessResourceFailureException("injected: database connection lost");
                }
                return super.completeProvisioning(id, memberId, entries, now);
            }
        };
    }
}
