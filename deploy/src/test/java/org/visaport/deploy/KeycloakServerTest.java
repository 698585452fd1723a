package org.visaport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class KeycloakServerTest {

    @Test
    void theRealmFileSendsMailWhereTheLauncherPointsTheRealmByDefault() throws Exception {
        Document realm = Document.parse(Files.readString(Path.of("keycloak/visaport-realm.json")));
        int defaultSmtpPort = StackSettings.fromEnvironment(Path.of("."), Map.of()).port("smtp");

        assertThat(realm.get("smtpServer", Document.class))
                .isEqualTo(Document.parse(KeycloakServer.smtpSettings("127.0.0.1", defaultSmtpPort)));
    }
}
