package org.visaport.identity.profile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.visaport.identity.application.ApplicationUpdate;
import org.visaport.identity.application.ApplicationUpdates;

/** The signed-in person's own membership; whoever holds a membership may use it, whatever their role. */
@RestController
@RequestMapping("/api/identity/me")
class ProfileController {

    private final ProfileService profiles;
    private final ApplicationUpdates applications;

    ProfileController(ProfileService profiles, ApplicationUpdates applications) {
        this.profiles = profiles;
        this.applications = applications;
    }

    @GetMapping("/profile")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The own profile, including the own accreditation number", security = @SecurityRequirement(name = "bearer"))
    ProfileView get(@AuthenticationPrincipal Jwt jwt) {
        return ProfileView.of(profiles.get(jwt.getSubject()));
    }

    @PatchMapping("/profile")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Change display name, language or posting; a new posting end date restores a lapsed membership",
            security = @SecurityRequirement(name = "bearer"))
    ProfileView update(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ProfileUpdate patch) {
        return ProfileView.of(profiles.update(jwt.getSubject(), patch));
    }

    @PatchMapping("/application")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Correct the submitted credentials while the application is under review; one waiting for "
            + "information goes back to review", security = @SecurityRequirement(name = "bearer"))
    ProfileView updateApplication(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ApplicationUpdate patch) {
        return ProfileView.of(applications.update(jwt.getSubject(), patch));
    }

    @DeleteMapping
    @PreAuthorize("isAuthenticated()")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Leave: the account and personal data are erased", security = @SecurityRequirement(name = "bearer"))
    void leave(@AuthenticationPrincipal Jwt jwt) {
        profiles.erase(jwt.getSubject());
    }
}
