package org.visaport.deploy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A running Keycloak instance with its own data folder and ports, the VisaPort realm imported on first start. */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "visaport";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    /**
     * @param realmDirectory folder of realm files imported when the realm does not exist yet
     * @param adminUser      bootstrap administrator of the master realm (local stack and tests only)
     */
    public record Options(int httpPort, int managementPort, Path dataDirectory, Path realmDirectory,
                          String adminUser, String adminPassword, Path log) {
    }

    private final ManagedProcess process;
    private final Options options;

    private KeycloakServer(ManagedProcess process, Options options) {
        this.process = process;
        this.options = options;
    }

    public static KeycloakServer start(Path home, Options options) {
        Path data = options.dataDirectory();
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + options.httpPort(),
                "--http-management-port=" + options.managementPort(), "--http-management-host=127.0.0.1",
                // Without a fixed hostname the issuer follows the request's Host header and services would refuse tokens.
                "--hostname=http://127.0.0.1:" + options.httpPort(),
                "--cache=local",
                // Keycloak's own dev-file settings, in this instance's folder instead of the shared distribution.
                "--db-url=jdbc:h2:file:" + data.resolve("h2/keycloakdb") + ";NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=0"));
        Map<String, String> env = new java.util.HashMap<>(KeycloakDistribution.javaEnvironment());
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", options.adminUser());
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", options.adminPassword());
        // --import-realm always reads <home>/data/import, shared by every instance of the distribution; the property it
        // sets, given directly, imports from this instance's realm folder (realms that already exist are left alone).
        env.put("JAVA_OPTS_APPEND", "-Dkeycloak.migration.dir=" + options.realmDirectory()
                + " -Dquarkus.transaction-manager.object-store.directory=" + data.resolve("transaction-logs"));
        ManagedProcess process = ManagedProcess.start("keycloak", command, env, home, options.log());
        KeycloakServer server = new KeycloakServer(process, options);
        try {
            Readiness.await("Keycloak realm " + REALM, () -> Readiness.httpOk(server.readinessUri())
                    && Readiness.httpOk(server.issuerUri().resolve(server.issuerUri().getPath() + "/.well-known/openid-configuration")),
                    process, READY_TIMEOUT);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + options.httpPort());
    }

    public URI issuerUri() {
        return URI.create(baseUri() + "/realms/" + REALM);
    }

    public URI readinessUri() {
        return URI.create("http://127.0.0.1:" + options.managementPort() + "/health/ready");
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
