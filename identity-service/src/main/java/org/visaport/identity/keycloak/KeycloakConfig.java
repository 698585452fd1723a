package org.visaport.identity.keycloak;

import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.visaport.platform.security.VisaportSecurityProperties;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeycloakProperties.class)
class KeycloakConfig {

    @Bean
    KeycloakGuard keycloakGuard(KeycloakProperties properties) {
        return new KeycloakGuard(properties.retryAfter());
    }

    @Bean
    KeycloakHealthIndicator keycloakHealthIndicator(KeycloakGuard guard) {
        return new KeycloakHealthIndicator(guard);
    }

    @Bean
    KeycloakAdminClient keycloakAdminClient(KeycloakProperties configured, VisaportSecurityProperties security,
                                            RestClient.Builder builder, KeycloakGuard guard, Clock clock) {
        KeycloakProperties properties = configured.withIssuer(security.issuerUri());
        RestClient http = http(properties, builder);
        return new KeycloakAdminClient(http, properties, new ServiceAccountToken(http, properties, clock), guard, clock);
    }

    /** The admin API's client, bounded by the configured timeouts. */
    static RestClient http(KeycloakProperties properties, RestClient.Builder builder) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .build());
        requests.setReadTimeout(properties.readTimeout());
        return builder.clone().requestFactory(requests).build();
    }
}
