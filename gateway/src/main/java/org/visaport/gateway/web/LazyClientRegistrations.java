package org.visaport.gateway.web;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The browser client's registration, read from the issuer's discovery document on first use rather than at start-up:
 * the gateway starts (and serves mobile clients) while Keycloak is still starting. A failed read is tried again on the
 * next sign-in; a successful one is kept.
 */
final class LazyClientRegistrations implements ReactiveClientRegistrationRepository {

    static final String REGISTRATION_ID = "keycloak";

    private final Mono<ClientRegistration> registration;

    LazyClientRegistrations(String issuerUri, WebClientProperties client) {
        this.registration = Mono.fromCallable(() -> ClientRegistrations.fromIssuerLocation(issuerUri)
                        .registrationId(REGISTRATION_ID)
                        .clientId(client.clientId())
                        .clientSecret(client.clientSecret())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                        .scope("openid", "profile")
                        .build())
                .subscribeOn(Schedulers.boundedElastic())
                .cacheInvalidateIf(loaded -> false)
                .onErrorMap(failed -> new IllegalStateException("cannot read the issuer's configuration: " + failed.getMessage(), failed));
    }

    @Override
    public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
        return REGISTRATION_ID.equals(registrationId) ? registration : Mono.empty();
    }
}
