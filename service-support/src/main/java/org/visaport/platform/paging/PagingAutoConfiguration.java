package org.visaport.platform.paging;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.web.ErrorResponseException;

/**
 * Cursors are signed with {@code visaport.paging.cursor-secret} (env {@code VISAPORT_CURSOR_SECRET}). Without one, each
 * start picks a random secret: fine for one instance, but instances behind one load balancer need the same secret,
 * or a cursor one issued is refused by another.
 */
@AutoConfiguration
@ConditionalOnClass(ErrorResponseException.class)
public class PagingAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PagingAutoConfiguration.class);

    @Bean
    Cursors cursors(@Value("${visaport.paging.cursor-secret:${VISAPORT_CURSOR_SECRET:}}") String secret) {
        if (secret.isBlank()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            log.info("No visaport.paging.cursor-secret set: page cursors are valid for this instance until it stops");
            return new Cursors(random);
        }
        return new Cursors(secret.getBytes(StandardCharsets.UTF_8));
    }
}
