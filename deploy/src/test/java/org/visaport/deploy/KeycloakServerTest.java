package org.visaport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class KeycloakServerTest {

    private static final Path REALM_DIRECTORY = Path.of("keycloak");

    @Test
    void theRealmFileSendsMailWhereTheLauncherPointsTheRealmByDefault() throws Exception {
        Document realm = Document.parse(Files.readString(REALM_DIRECTORY.resolve("visaport-realm.json")));
        int defaultSmtpPort = StackSettings.fromEnvironment(Path.of("."), Map.of()).port("smtp");

        assertThat(realm.get("smtpServer", Document.class))
                .isEqualTo(Document.parse(KeycloakServer.smtpSettings("127.0.0.1", defaultSmtpPort)));
    }

    @Test
    void theRealmFileWearsTheLoginThemeAndLanguagesTheLauncherSetsOnEveryStart() throws Exception {
        Document realm = Document.parse(Files.readString(REALM_DIRECTORY.resolve("visaport-realm.json")));

        Document look = Document.parse(KeycloakServer.loginLook());
        assertThat(look.keySet()).containsExactlyInAnyOrder("loginTheme", "internationalizationEnabled", "supportedLocales", "defaultLocale");
        look.forEach((key, value) -> assertThat(realm.get(key)).as(key).isEqualTo(value));
    }

    @Test
    void theLoginThemeTheRealmNamesIsInTheFolderTheServerReadsThemesFrom() throws Exception {
        Path login = KeycloakServer.themeDirectory(REALM_DIRECTORY).resolve(KeycloakServer.LOGIN_THEME).resolve("login");
        Properties theme = new Properties();
        try (Reader in = Files.newBufferedReader(login.resolve("theme.properties"))) {
            theme.load(in);
        }

        // keycloak.v2 keeps the form's ids (#username, #password, #kc-login) that the browser tests sign in with.
        assertThat(theme.getProperty("parent")).isEqualTo("keycloak.v2");
        assertThat(theme.getProperty("styles").split("\\s+")).contains("css/visaport.css");
        assertThat(login.resolve("resources/css/visaport.css")).isRegularFile();
        for (String locale : KeycloakServer.LOCALES) {
            assertThat(login.resolve("messages/messages_" + locale + ".properties")).isRegularFile();
        }
    }
}
