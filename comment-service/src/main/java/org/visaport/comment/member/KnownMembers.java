package org.visaport.comment.member;

import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.visaport.platform.problem.Problems;

/** The members this service has heard of. A member it has not heard of yet is judged by the token's roles alone. */
@Service
public class KnownMembers {

    private final MongoTemplate mongo;

    public KnownMembers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<KnownMember> find(String memberId) {
        return Optional.ofNullable(mongo.findById(memberId, KnownMember.class));
    }

    /** Suspended, lapsed and deleted members read but do not post, even with a token issued before the change. */
    public void requireMayPost(String memberId) {
        find(memberId).filter(member -> !member.mayPost()).ifPresent(member -> {
            throw Problems.exception(Problems.of(HttpStatus.FORBIDDEN, "membership-inactive", "Membership not active",
                    "Your membership is " + member.status().name().toLowerCase() + "; members in good standing can comment."));
        });
    }
}
