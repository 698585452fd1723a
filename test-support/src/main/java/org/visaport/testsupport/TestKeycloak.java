package org.visaport.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.visaport.deploy.BuildArtifacts;
import org.visaport.deploy.Folders;
import org.visaport.deploy.KeycloakDistribution;
import org.visaport.deploy.KeycloakServer;
import org.visaport.deploy.Ports;
import org.visaport.deploy.StackSettings;

/**
 * The real Keycloak server, started at most once per test JVM and only by tests that ask for it, with a fresh data
 * folder and the realm imported from deploy/keycloak. Started by the same launcher as the local stack. The realm's mail
 * (verification links) goes to {@link TestMail}.
 */
public final class TestKeycloak {


    private static KeycloakTokens tokens;
    private static RuntimeException failure;

    private TestKeycloak() {
    }

    public static synchronized KeycloakTokens tokens() {
        // A failed start is not retried: every test that needs Keycloak fails at once with the first cause.
        if (failure != null) {
            throw failure;
        }
        if (tokens == null) {
            try {
                tokens = start();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return tokens;
    }

    public static String issuerUri() {
        return tokens().issuerUri();
    }

    /**
     * Free ports are picked before Keycloak binds them, some twenty seconds later; on a busy machine an outgoing
     * connection can take one from the same ephemeral range meanwhile. Such a start is tried again on other ports.
     */
    private static final int ATTEMPTS = 3;

    private static KeycloakTokens start() {
        Path log = Path.of("target", "test-keycloak.log").toAbsolutePath();
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(log);
            } catch (RuntimeException failed) {
                if (attempt == ATTEMPTS || !portWasTaken(log)) {
                    throw failed;
                }
            }
        }
    }

    private static boolean portWasTaken(Path log) {
        try {
            return Files.readString(log).contains("Address already in use");
        } catch (IOException unreadable) {
            return false;
        }
    }

    private static KeycloakTokens startOnce(Path log) {
        try {
            Path root = ProjectLayout.root();
            StackSettings settings = StackSettings.fromEnvironment(root, System.getenv());
            Path home = KeycloakDistribution.prepare(BuildArtifacts.load(), settings.cacheDirectory());
            Path data = Files.createTempDirectory("visaport-test-keycloak");
            KeycloakServer server;
            try {
                // The log is in the module's target folder, so it outlives the instance for a look after a failure.
                server = KeycloakServer.start(home, new KeycloakServer.Options(Ports.findFree(), Ports.findFree(),
                        data, ProjectLayout.realmDirectory(), KeycloakServer.LOCAL_ADMIN,
                        KeycloakServer.LOCAL_ADMIN_PASSWORD, log));
            } catch (RuntimeException failed) {
                Folders.deleteQuietly(data);
                throw failed;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                Folders.deleteQuietly(data);
            }, "test-keycloak-stop"));
            server.useSmtpServer("127.0.0.1", TestMail.smtpPort());
            return new KeycloakTokens(server.baseUri(), KeycloakServer.REALM, KeycloakServer.LOCAL_ADMIN,
                    KeycloakServer.LOCAL_ADMIN_PASSWORD);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test Keycloak: " + e.getMessage(), e);
        }
    }
}
