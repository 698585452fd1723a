package org.visaport.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Runs a Spring Boot test against MongoDB, Kafka and Keycloak containers; skipped where no Docker engine runs. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Testcontainers(disabledWithoutDocker = true)
@Import(PartsConfiguration.Containers.class)
public @interface WithContainerParts {
}
