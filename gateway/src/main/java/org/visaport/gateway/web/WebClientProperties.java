package org.visaport.gateway.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's own OAuth 2.0 client for browsers (backend-for-frontend): a confidential client of the realm whose
 * secret never leaves the gateway. The issuer is the one tokens are validated against ({@code visaport.security.issuer-uri}).
 */
@ConfigurationProperties("visaport.gateway.web")
record WebClientProperties(String clientId, String clientSecret) {
}
