package org.visaport.notification.subscription;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.visaport.platform.problem.Problems;

/**
 * The signed-in member's own subscription; there is no way to read or change another member's. Members only: an
 * applicant who subscribed would be sent members' briefings. The moderators' topics need the moderator or admin role.
 */
@RestController
@RequestMapping("/api/notifications/subscriptions")
@PreAuthorize("hasRole('member')")
public class SubscriptionController {

    private final Subscriptions subscriptions;

    SubscriptionController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GetMapping
    @Operation(summary = "What the caller hears of, and how: topics, replies, comment decisions, moderation queues")
    public SubscriptionView mine(JwtAuthenticationToken caller) {
        return SubscriptionView.of(subscriptions.of(caller.getToken().getSubject()), moderates(caller));
    }

    @PutMapping
    @Operation(summary = "Replace the caller's choices; account notices are mandatory and not part of them")
    public SubscriptionView choose(@Valid @RequestBody SubscriptionRequest choice, JwtAuthenticationToken caller) {
        boolean moderator = moderates(caller);
        if (choice.asksForModeration() && !moderator) {
            ProblemDetail problem = Problems.forbidden();
            problem.setDetail("Comments waiting and new applications are for moderators; your account is not one.");
            throw Problems.exception(problem);
        }
        return SubscriptionView.of(subscriptions.choose(caller.getToken().getSubject(), choice, moderator), moderator);
    }

    static boolean moderates(JwtAuthenticationToken caller) {
        return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(role -> role.equals("ROLE_moderator") || role.equals("ROLE_admin"));
    }
}
