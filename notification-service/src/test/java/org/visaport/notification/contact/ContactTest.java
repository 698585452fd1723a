package org.visaport.notification.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ContactTest {

    @Test
    void printsNeitherAddressNorName() {
        Contact contact = new Contact("m-1", "anna.envoy@mission.example", "Anna Envoy", "de", Instant.EPOCH);

        assertThat(contact.toString()).contains("m-1").doesNotContain("anna.envoy@mission.example").doesNotContain("Anna Envoy");
    }
}
