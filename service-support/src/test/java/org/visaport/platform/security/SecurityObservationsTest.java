package org.visaport.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.Filter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.WebFilterChainProxy;
import reactor.core.publisher.Mono;

/**
 * A call through the security filters of a service or of the gateway leaves no observation of Spring Security's own:
 * the server observes the call once, and that is all an operator reads.
 */
class SecurityObservationsTest {

    private final List<String> observed = new CopyOnWriteArrayList<>();

    private WebApplicationContextRunner service(Class<?>... extra) {
        return new WebApplicationContextRunner()
                .withPropertyValues("visaport.security.issuer-uri=http://127.0.0.1:1/realms/visaport")
                .withBean(ObservationRegistry.class, this::recordingRegistry)
                .withConfiguration(AutoConfigurations.of(extra))
                .withConfiguration(AutoConfigurations.of(ServletSecurityAutoConfiguration.class))
                .withConfiguration(AutoConfigurations.of(
                        org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration.class,
                        org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration.class));
    }

    private ReactiveWebApplicationContextRunner gateway(Class<?>... extra) {
        return new ReactiveWebApplicationContextRunner()
                .withPropertyValues("visaport.security.issuer-uri=http://127.0.0.1:1/realms/visaport")
                .withBean(ObservationRegistry.class, this::recordingRegistry)
                .withConfiguration(AutoConfigurations.of(extra))
                .withConfiguration(AutoConfigurations.of(ReactiveSecurityAutoConfiguration.class))
                .withConfiguration(AutoConfigurations.of(
                        org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration.class,
                        org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration.class));
    }

    private ObservationRegistry recordingRegistry() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStart(Observation.Context context) {
                observed.add(context.getName());
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        return registry;
    }

    @Test
    void aCallThroughTheSecurityFiltersIsNotObservedBySpringSecurity() {
        service(SecurityObservationsAutoConfiguration.class).run(context -> {
            callAnonymously(context.getBean("springSecurityFilterChain", Filter.class));

            assertThat(observed).noneMatch(name -> name.startsWith("spring.security"));
        });
    }

    @Test
    void withoutTheSettingsSpringSecurityWouldObserveEveryFilterChain() {
        service().run(context -> {
            callAnonymously(context.getBean("springSecurityFilterChain", Filter.class));

            assertThat(observed).contains("spring.security.filterchains");
        });
    }

    @Test
    void aCallThroughTheGatewaysSecurityFiltersIsNotObservedBySpringSecurity() {
        gateway(SecurityObservationsAutoConfiguration.class).run(context -> {
            callAnonymously(context.getBean(WebFilterChainProxy.class));

            assertThat(observed).noneMatch(name -> name.startsWith("spring.security"));
        });
    }

    @Test
    void withoutTheSettingsSpringSecurityWouldObserveTheGatewaysFilterChainsToo() {
        gateway().run(context -> {
            callAnonymously(context.getBean(WebFilterChainProxy.class));

            assertThat(observed).contains("spring.security.filterchains");
        });
    }

    private static void callAnonymously(WebFilterChainProxy securityFilters) {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/actuator/health/liveness"));
        securityFilters.filter(exchange, done -> Mono.empty()).block(Duration.ofSeconds(10));
    }

    private static void callAnonymously(Filter securityFilters) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/health/liveness");
        request.setServletPath("/actuator/health/liveness");
        securityFilters.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
    }
}
