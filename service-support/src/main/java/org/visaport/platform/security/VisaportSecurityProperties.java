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
 */
@ConfigurationProperties("visaport.security")
public record VisaportSecurityProperties(String issuerUri, String audience, Duration clockSkew, List<String> publicPaths) {

    static final List<String> ALWAYS_PUBLIC = List.of("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error");

    public VisaportSecurityProperties {
        if (issuerUri == null || issuerUri.isBlank()) {
            throw new IllegalArgumentException("visaport.security.issuer-uri must be set (env KEYCLOAK_ISSUER_URI)");
        }
        audience = audience == null || audience.isBlank() ? "visaport-api" : audience;
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }

    /** The JWKS endpoint of a Keycloak realm; fetched on first use, so a service starts before Keycloak does. */
    public String jwkSetUri() {
        return issuerUri.replaceAll("/+$", "") + "/protocol/openid-connect/certs";
    }

    public String[] permittedPaths() {
        return java.util.stream.Stream.concat(ALWAYS_PUBLIC.stream(), publicPaths.stream()).toArray(String[]::new);
    }
}
