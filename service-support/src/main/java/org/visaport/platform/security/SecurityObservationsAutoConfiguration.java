package org.visaport.platform.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * No observations of Spring Security's own, in the services and in the gateway. Without this, Spring Security wraps
 * every filter of every call, every authentication and every authorization in an observation (a timer and a tracing
 * span each, plus an event per filter): in profiles of comment-service and notification-service, the wrappers were on
 * a third of each call's stack. The call stays observed once, by the server's own observation: its timer
 * ({@code http.server.requests}, where a 401 or 403 shows in the status), its span, and the trace id in its log line.
 * Nothing alerts on the per-filter figures. Measured effect in docs/benchmarks.md.
 */
@AutoConfiguration
@ConditionalOnClass(SecurityObservationSettings.class)
public class SecurityObservationsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
