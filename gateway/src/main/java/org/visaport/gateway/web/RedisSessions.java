package org.visaport.gateway.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.data.redis.config.annotation.web.server.EnableRedisWebSession;

/**
 * Browser sessions in Redis ({@code visaport.gateway.session.store=redis}), so a browser signed in through one gateway
 * instance is signed in at every other. What the session holds (the security context with the member's OIDC user, the
 * authorized client with its tokens, a pending authorization request) is Serializable and kept with Spring Session's
 * default JDK serialization; the cookie stays {@link SessionCookies}', which Spring Session's session manager takes.
 * Idle sessions end after 30 minutes, as in memory.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "visaport.gateway.session.store", havingValue = "redis")
@EnableRedisWebSession(redisNamespace = "visaport:session", maxInactiveIntervalInSeconds = 1800)
class RedisSessions {
}
