package org.visaport.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** Hands a test context its parts: as a bean for the tests, and as the properties that point the app at them. */
abstract class PartsConfiguration {

    private final Parts parts;

    PartsConfiguration(Parts parts) {
        this.parts = parts;
    }

    @Bean
    Parts parts() {
        return parts;
    }

    @Bean
    DynamicPropertyRegistrar partsProperties() {
        return parts::register;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Embedded extends PartsConfiguration {
        Embedded() {
            super(EmbeddedParts.INSTANCE);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Containers extends PartsConfiguration {
        Containers() {
            super(ContainerParts.INSTANCE);
        }
    }
}
