package org.visaport.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/** Runs a Spring Boot test against the embedded parts: Kafka and MongoDB-wire in the JVM, the real Keycloak. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import(PartsConfiguration.Embedded.class)
public @interface WithEmbeddedParts {
}
