package org.visaport.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * Every servlet service bounds its request bodies ({@code visaport.http.max-request-size} sets the bound) and logs a
 * line per request it answers ({@code visaport.http.request-log=false} turns that off).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class RequestLimitsAutoConfiguration {

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            @Value("${visaport.http.max-request-size:256KB}") DataSize limit) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter(limit));
        // Before security and everything else that could start reading the body.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    @ConditionalOnProperty(name = "visaport.http.request-log", havingValue = "true", matchIfMissing = true)
    FilterRegistrationBean<RequestLog> requestLog() {
        FilterRegistrationBean<RequestLog> registration = new FilterRegistrationBean<>(new RequestLog());
        // Inside the observation filter (HIGHEST_PRECEDENCE + 1), so the trace id is known when the line is written.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
