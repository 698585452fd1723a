package org.visaport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeds stand in for Keycloak's schema creation and realm import; here a "run" writes a database file and stops. */
class KeycloakSeedsTest {

    @TempDir
    Path root;

    private final AtomicInteger runs = new AtomicInteger();

    private Predicate<Path> aRunThatImports(String realm) {
        return staging -> {
            runs.incrementAndGet();
            write(staging.resolve("h2/keycloakdb.mv.db"), realm);
            return true;
        };
    }

    @Test
    void theSeedIsMadeOnceAndEveryNewDataFolderGetsACopy() throws IOException {
        Path seeds = root.resolve("seeds");

        assertThat(KeycloakSeeds.seed(seeds, () -> "k1", root.resolve("first"), aRunThatImports("realm v1"))).isTrue();
        Files.createDirectories(root.resolve("second"));
        assertThat(KeycloakSeeds.seed(seeds, () -> "k1", root.resolve("second"), aRunThatImports("realm v1"))).isTrue();

        assertThat(runs).hasValue(1);
        assertThat(Files.readString(root.resolve("first/h2/keycloakdb.mv.db"))).isEqualTo("realm v1");
        assertThat(Files.readString(root.resolve("second/h2/keycloakdb.mv.db"))).isEqualTo("realm v1");
    }

    @Test
    void aDataFolderThatHoldsDataKeepsIt() throws IOException {
        Path data = root.resolve("data");
        write(data.resolve("h2/keycloakdb.mv.db"), "members signed up last week");

        assertThat(KeycloakSeeds.seed(root.resolve("seeds"), () -> {
            throw new AssertionError("a folder with data needs no seed, so no key");
        }, data, aRunThatImports("realm v1"))).isFalse();

        assertThat(runs).hasValue(0);
        assertThat(Files.readString(data.resolve("h2/keycloakdb.mv.db"))).isEqualTo("members signed up last week");
    }

    @Test
    void aSeedRunThatDidNotStopCleanlyLeavesNoSeedAndTheFolderEmpty() throws IOException {
        Path seeds = root.resolve("seeds");
        Path data = root.resolve("data");
        Predicate<Path> killedWhileWriting = staging -> {
            runs.incrementAndGet();
            write(staging.resolve("h2/keycloakdb.mv.db"), "half a datab");
            return false;
        };

        assertThat(KeycloakSeeds.seed(seeds, () -> "k1", data, killedWhileWriting)).isFalse();

        assertThat(data).doesNotExist();
        try (var left = Files.list(seeds)) {
            assertThat(left.filter(Files::isDirectory)).as("no seed and no staging folder").isEmpty();
        }
        assertThat(KeycloakSeeds.seed(seeds, () -> "k1", data, aRunThatImports("realm v1"))).as("tried again next time").isTrue();
        assertThat(runs).hasValue(2);
    }

    @Test
    void aNewKeyMakesANewSeedAndTheOlderOneIsRemoved() throws IOException {
        Path seeds = root.resolve("seeds");
        KeycloakSeeds.seed(seeds, () -> "k1", root.resolve("before"), aRunThatImports("realm v1"));

        KeycloakSeeds.seed(seeds, () -> "k2", root.resolve("after"), aRunThatImports("realm v2"));

        assertThat(Files.readString(root.resolve("after/h2/keycloakdb.mv.db"))).isEqualTo("realm v2");
        assertThat(seeds.resolve("k1")).doesNotExist();
        assertThat(seeds.resolve("k2")).isDirectory();
    }

    @Test
    void theKeyFollowsTheRealmFileAndTheAdministratorButNotTheThemesOrPorts() throws IOException {
        Path realm = root.resolve("realm");
        write(realm.resolve("visaport-realm.json"), "{\"realm\":\"visaport\"}");
        write(realm.resolve("themes/visaport/login/theme.properties"), "parent=keycloak");
        Path home = root.resolve("keycloak-26");
        String key = KeycloakServer.seedKey(home, options(realm, 8180, "admin"));

        assertThat(KeycloakServer.seedKey(home, options(realm, 9180, "admin"))).isEqualTo(key);
        write(realm.resolve("themes/visaport/login/theme.properties"), "parent=base");
        assertThat(KeycloakServer.seedKey(home, options(realm, 8180, "admin"))).isEqualTo(key);

        assertThat(KeycloakServer.seedKey(home, options(realm, 8180, "another"))).isNotEqualTo(key);
        assertThat(KeycloakServer.seedKey(root.resolve("keycloak-27"), options(realm, 8180, "admin"))).isNotEqualTo(key);
        write(realm.resolve("visaport-realm.json"), "{\"realm\":\"visaport\",\"registrationAllowed\":false}");
        assertThat(KeycloakServer.seedKey(home, options(realm, 8180, "admin"))).isNotEqualTo(key);
    }

    private KeycloakServer.Options options(Path realm, int port, String adminPassword) {
        return new KeycloakServer.Options(port, port + 1, root.resolve("data"), realm, "admin", adminPassword,
                root.resolve("keycloak.log"));
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
