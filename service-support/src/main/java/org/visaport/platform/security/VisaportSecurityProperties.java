package org.visaport.platform.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a service checks the bearer tokens Keycloak issues.
 *
 * @param issuerUri   the realm's issuer; tokens from any other issuer are refused
 * @param audience    the audience every token for VisaPort's APIs carries
 * @param clockSkew   tolerance for clock differences when checking expiry
 * @param publicPaths paths anyone may call; tokens sent to them are still validated
 * @param rolePaths   paths only callers with one of the given roles may call, checked before the public paths (the
 *                    gateway's coarse rules; the service behind still enforces the exact rule per operation)
 * @param verifiedTokens how many verified tokens to remember, so a token sent again is not verified again (see
 *                    {@link VerifiedTokens}); 0 remembers none
 */
@ConfigurationProperties("visaport.security")
public record VisaportSecurityProperties(String issuerUri, String audience, Duration clockSkew, List<String> publicPaths,
                                         List<RolePath> rolePaths, Integer verifiedTokens) {

    /** Callers need one of {@code roles} for paths matching {@code pattern} (Ant style, e.g. {@code /api/admin/news/**}). */
    public record RolePath(String pattern, List<String> roles) {

        public RolePath {
            if (pattern == null || pattern.isBlank() || roles == null || roles.isEmpty()) {
                throw new IllegalArgumentException("visaport.security.role-paths entries need a pattern and roles");
            }
            roles = List.copyOf(roles);
        }

        public String[] roleArray() {
            return roles.toArray(String[]::new);
        }
    }


    static final List<String> ALWAYS_PUBLIC = List.of("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error");

    public VisaportSecurityProperties {
        if (issuerUri == null || issuerUri.isBlank()) {
            throw new IllegalArgumentException("visaport.security.issuer-uri must be set (env KEYCLOAK_ISSUER_URI)");
        }
        audience = audience == null || audience.isBlank() ? "visaport-api" : audience;
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        rolePaths = rolePaths == null ? List.of() : List.copyOf(rolePaths);
        verifiedTokens = verifiedTokens == null ? 10_000 : verifiedTokens;
    }

    /** The JWKS endpoint of a Keycloak realm; fetched on first use, so a service starts before Keycloak does. */
    public String jwkSetUri() {
        return issuerUri.replaceAll("/+$", "") + "/protocol/openid-connect/certs";
    }

    public String[] permittedPaths() {
        return java.util.stream.Stream.concat(ALWAYS_PUBLIC.stream(), publicPaths.stream()).toArray(String[]::new);
    }
}
