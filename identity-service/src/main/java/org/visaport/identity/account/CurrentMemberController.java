package org.visaport.identity.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is, as the token says: lets a client show the signed-in member and what they may do. */
@RestController
@RequestMapping("/api/identity")
public class CurrentMemberController {

    public record CurrentMember(String id, String username, String displayName, List<String> roles) {
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in caller: member id, username, display name and realm roles",
            security = @SecurityRequirement(name = "bearer"))
    public CurrentMember me(@AuthenticationPrincipal Jwt jwt, JwtAuthenticationToken authentication) {
        List<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .sorted()
                .toList();
        return new CurrentMember(jwt.getSubject(), jwt.getClaimAsString("preferred_username"),
                jwt.getClaimAsString("name"), roles);
    }
}
