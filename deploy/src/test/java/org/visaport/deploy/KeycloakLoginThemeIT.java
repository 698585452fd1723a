package org.visaport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real Keycloak, started by the launcher as the local stack starts it, serves the realm's sign-in page in VisaPort's
 * theme: its stylesheet is linked and answers, its texts show in English and French, and the form keeps the ids the
 * browser tests sign in with. A data folder whose realm predates the theme gets it from the launcher at start.
 */
class KeycloakLoginThemeIT {

    private static final Pattern STYLESHEET = Pattern.compile("<link href=\"(/resources/[^\"]+/login/visaport/css/visaport\\.css)\" rel=\"stylesheet\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path data;
    private static KeycloakServer keycloak;

    @BeforeAll
    static void startKeycloak() {
        StackSettings settings = StackSettings.fromEnvironment(Path.of(".."), System.getenv());
        Path home = KeycloakDistribution.prepare(BuildArtifacts.load(), settings.cacheDirectory());
        Path log = Path.of("target", "keycloak-login-theme-it.log").toAbsolutePath();
        // Free ports are picked some seconds before Keycloak binds them; one taken meanwhile is tried once more.
        for (int attempt = 1; keycloak == null; attempt++) {
            try {
                keycloak = KeycloakServer.start(home, new KeycloakServer.Options(Ports.findFree(), Ports.findFree(),
                        data.resolve("attempt-" + attempt), Path.of("keycloak").toAbsolutePath(), KeycloakServer.LOCAL_ADMIN,
                        KeycloakServer.LOCAL_ADMIN_PASSWORD, log));
            } catch (StackException failed) {
                if (attempt == 2 || !logSays(log, "Address already in use")) {
                    throw failed;
                }
            }
        }
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void theSignInPageWearsVisaPortsThemeAndKeepsTheFormTheBrowserTestsUse() throws Exception {
        HttpResponse<String> page = get(signInPage("en"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html class=\"login-pf\" lang=\"en\"", "Sign in to VisaPort", ">VisaPort</div>",
                "id=\"username\"", "id=\"password\"", "id=\"kc-login\"");
        Matcher stylesheet = STYLESHEET.matcher(page.body());
        assertThat(stylesheet.find()).as("the page links VisaPort's stylesheet:%n%s", page.body()).isTrue();

        HttpResponse<String> css = get(keycloak.baseUri().resolve(stylesheet.group(1)));
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        assertThat(css.body()).contains("--vp-accent: #0b4f8a", "--vp-focus: #ffbf47");
    }

    @Test
    void theSignInPageSpeaksFrenchWhenAskedTo() throws Exception {
        HttpResponse<String> page = get(signInPage("fr"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"fr\"", "Connexion à VisaPort", "Se connecter");
        assertThat(STYLESHEET.matcher(page.body()).find()).isTrue();
    }

    @Test
    void aRealmImportedBeforeTheThemeGetsItFromTheLauncher() throws Exception {
        // As in a data folder from before the theme: Keycloak's own look, one language.
        HttpResponse<String> reset = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.baseUri() + "/admin/realms/" + KeycloakServer.REALM))
                .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"loginTheme\":\"keycloak.v2\",\"internationalizationEnabled\":false}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reset.statusCode()).isEqualTo(204);
        assertThat(STYLESHEET.matcher(get(signInPage("en")).body()).find()).as("the old look is back").isFalse();

        keycloak.useVisaportLoginTheme();

        assertThat(STYLESHEET.matcher(get(signInPage("en")).body()).find()).isTrue();
        assertThat(get(signInPage("fr")).body()).contains("Connexion à VisaPort");
    }

    /** The authorization request a public client with PKCE sends; Keycloak answers with its sign-in page. */
    private static URI signInPage(String language) {
        return URI.create(keycloak.issuerUri() + "/protocol/openid-connect/auth?client_id=visaport-web&response_type=code&scope=openid"
                + "&redirect_uri=" + URLEncoder.encode("http://127.0.0.1:9/callback", StandardCharsets.UTF_8)
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCQaoeSZRR5IlaHs3cdCRvYk&code_challenge_method=S256&ui_locales=" + language);
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String adminToken() throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.baseUri() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username="
                        + KeycloakServer.LOCAL_ADMIN + "&password=" + KeycloakServer.LOCAL_ADMIN_PASSWORD))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body()).path("access_token").asString();
    }

    private static boolean logSays(Path log, String text) {
        try {
            return Files.readString(log).contains(text);
        } catch (IOException unreadable) {
            return false;
        }
    }
}
