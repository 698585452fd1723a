package org.visaport.identity.moderation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.visaport.identity.membership.Actors;
import org.visaport.identity.membership.EmailConfirmations;
import org.visaport.identity.membership.Membership;
import org.visaport.identity.membership.MembershipChanges;
import org.visaport.identity.membership.MembershipStatus;
import org.visaport.identity.membership.MembershipStore;
import org.visaport.identity.security.StaffStanding;
import org.visaport.platform.paging.Cursors;
import org.visaport.platform.paging.KeysetPosition;
import org.visaport.platform.paging.Page;

/**
 * Verification and decisions. Moderators and admins decide; only admins change roles and act on staff. A caller who has
 * a membership needs it active and still holding the staff role used ({@code moderator}, {@code admin}), whatever the
 * token says: see {@link StaffStanding}.
 */
@RestController
@RequestMapping("/api/admin/identity")
class ModerationController {

    static final String MODERATORS = "hasAnyRole('moderator', 'admin') and @staffStanding.moderates(authentication)";
    static final String ADMINS = "hasRole('admin') and @staffStanding.administers(authentication)";

    private final ModerationService moderation;
    private final MembershipStore store;
    private final EmailConfirmations confirmations;
    private final Cursors cursors;
    private final StaffStanding standing;

    ModerationController(ModerationService moderation, MembershipStore store, EmailConfirmations confirmations,
                         Cursors cursors, StaffStanding standing) {
        this.moderation = moderation;
        this.store = store;
        this.confirmations = confirmations;
        this.cursors = cursors;
        this.standing = standing;
    }

    @GetMapping("/applications")
    @PreAuthorize(MODERATORS)
    @Operation(summary = "Memberships in one status, oldest application first, with the submitted credentials",
            security = @SecurityRequirement(name = "bearer"))
    Page<ApplicationView> list(@RequestParam(defaultValue = "PENDING_VERIFICATION") MembershipStatus status,
                               @RequestParam(required = false) @Size(max = 200) String cursor,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                               JwtAuthenticationToken caller) {
        boolean admin = isAdmin(caller);
        // A cursor belongs to the list of one status: carried to another, it is refused.
        String scope = "applications:" + status;
        List<Membership> rows = store.page(status, cursors.afterPosition(scope, cursor), limit);
        // The page holds one row more than is shown (it tells whether there is a next page); nobody asks about that one.
        Set<String> confirmed = confirmations.confirmedAmong(rows.subList(0, Math.min(limit, rows.size())));
        return cursors.page(scope, rows, limit, m -> new KeysetPosition(m.appliedAt(), m.id()),
                m -> ApplicationView.of(m, admin, confirmed.contains(m.id()), !m.accessSyncPending()));
    }

    @GetMapping("/applications/{memberId}")
    @PreAuthorize(MODERATORS)
    ApplicationView get(@PathVariable @Size(max = 64) String memberId, JwtAuthenticationToken caller) {
        var m = moderation.find(memberId);
        return ApplicationView.of(m, isAdmin(caller), emailVerified(m), !m.accessSyncPending());
    }

    @PostMapping("/applications/{memberId}/approval")
    @PreAuthorize(MODERATORS)
    @Operation(summary = "Approve: the applicant becomes a member", security = @SecurityRequirement(name = "bearer"))
    ApplicationView approve(@PathVariable @Size(max = 64) String memberId, @Valid @RequestBody(required = false) NoteRequest body,
                            @AuthenticationPrincipal Jwt jwt, JwtAuthenticationToken caller) {
        return view(moderation.approve(memberId, body == null ? null : body.note(), caller(jwt, caller)), caller);
    }

    @PostMapping("/applications/{memberId}/rejection")
    @PreAuthorize(MODERATORS)
    ApplicationView reject(@PathVariable @Size(max = 64) String memberId, @Valid @RequestBody ReasonRequest body,
                           @AuthenticationPrincipal Jwt jwt, JwtAuthenticationToken caller) {
        return view(moderation.reject(memberId, body.reason(), caller(jwt, caller)), caller);
    }

    @PostMapping("/applications/{memberId}/information-request")
    @PreAuthorize(MODERATORS)
    ApplicationView requestInformation(@PathVariable @Size(max = 64) String memberId, @Valid @RequestBody ReasonRequest body,
                                       @AuthenticationPrincipal Jwt jwt, JwtAuthenticationToken caller) {
        return view(moderation.requestInformation(memberId, body.reason(), caller(jwt, caller)), caller);
    }

    @PostMapping("/members/{memberId}/suspension")
    @PreAuthorize(MODERATORS)
    @Operation(summary = "Suspend: sign-in disabled, sessions ended in Keycloak; staff by admins only, nobody themselves",
            security = @SecurityRequirement(name = "bearer"))
    ApplicationView suspend(@PathVariable @Size(max = 64) String memberId, @Valid @RequestBody ReasonRequest body,
                            @AuthenticationPrincipal Jwt jwt, JwtAuthenticationToken caller) {
        return view(moderation.suspend(memberId, body.reason(), caller(jwt, caller)), caller);
    }

    @PostMapping("/members/{memberId}/reinstatement")
    @PreAuthorize(MODERATORS)
    @Operation(summary = "Reinstate: active again, or lapsed if the posting has ended; staff by admins only",
            security = @SecurityRequirement(name = "bearer"))
    ApplicationView reinstate(@PathVariable @Size(max = 64) String memberId, @Valid @RequestBody(required = false) NoteRequest body,
                              @AuthenticationPrincipal Jwt jwt, JwtAuthenticationToken caller) {
        return view(moderation.reinstate(memberId, body == null ? null : body.note(), caller(jwt, caller)), caller);
    }

    @PutMapping("/members/{memberId}/roles/{role}")
    @PreAuthorize(ADMINS)
    @Operation(summary = "Grant moderator, editor or admin to an active member (admins only, not to themselves)", security = @SecurityRequirement(name = "bearer"))
    ApplicationView grant(@PathVariable @Size(max = 64) String memberId, @PathVariable @Size(max = 32) String role,
                          @AuthenticationPrincipal Jwt jwt, JwtAuthenticationToken caller) {
        return view(moderation.changeRole(memberId, role, true, null, caller(jwt, caller)), caller);
    }

    @DeleteMapping("/members/{memberId}/roles/{role}")
    @PreAuthorize(ADMINS)
    @Operation(summary = "Revoke moderator, editor or admin (admins only, not from themselves)", security = @SecurityRequirement(name = "bearer"))
    ApplicationView revoke(@PathVariable @Size(max = 64) String memberId, @PathVariable @Size(max = 32) String role,
                           @AuthenticationPrincipal Jwt jwt, JwtAuthenticationToken caller) {
        return view(moderation.changeRole(memberId, role, false, null, caller(jwt, caller)), caller);
    }

    private ApplicationView view(MembershipChanges.Result result, JwtAuthenticationToken caller) {
        return ApplicationView.of(result.membership(), isAdmin(caller), emailVerified(result.membership()),
                result.accessSynced());
    }

    private boolean emailVerified(Membership m) {
        return !confirmations.confirmedAmong(List.of(m)).isEmpty();
    }

    private Caller caller(Jwt jwt, JwtAuthenticationToken authentication) {
        return new Caller(Actors.of(jwt), isAdmin(authentication));
    }

    /** An admin by token and, for a caller who has a membership, by that membership too (a revoked admin is none). */
    private boolean isAdmin(JwtAuthenticationToken caller) {
        return standing.administers(caller);
    }
}
