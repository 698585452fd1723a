package org.visaport.deploy;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A running Keycloak instance with its own data folder and ports, the VisaPort realm imported on first start. */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "visaport";
    /**
     * Bootstrap administrator of every local instance, the local stack's and the tests' alike: local-only credentials
     * for the admin console, the same everywhere so that one seed (see {@link KeycloakSeeds}) serves them all.
     */
    public static final String LOCAL_ADMIN = "admin";
    public static final String LOCAL_ADMIN_PASSWORD = "admin";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
    /** Stopping a training run includes writing its AOT cache: about 10 s alone, longer beside a busy stack. */
    private static final Duration TRAINING_STOP = Duration.ofMinutes(3);
    /** Well inside the master realm's access token lifetime of 60 s. */
    private static final Duration ADMIN_TOKEN_REUSE = Duration.ofSeconds(30);
    /** The sender of the realm's mail (verification links); the realm file names the same. */
    public static final String MAIL_FROM = "noreply@visaport.local";
    public static final String MAIL_FROM_NAME = "VisaPort";
    /** The gateway's confidential client for browsers. */
    public static final String BROWSER_CLIENT = "visaport-bff";
    /** VisaPort's look for the sign-in pages: {@code themes/visaport/login} next to the realm file. */
    public static final String LOGIN_THEME = "visaport";
    /** The languages of the sign-in pages (and of Keycloak's mail), as the web client's. */
    static final List<String> LOCALES = List.of("en", "fr");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    /**
     * @param realmDirectory folder of realm files imported when the realm does not exist yet; its {@code themes} folder
     *                       holds the themes the server offers (VisaPort's sign-in pages)
     * @param adminUser      bootstrap administrator of the master realm (local stack and tests only)
     */
    public record Options(int httpPort, int managementPort, Path dataDirectory, Path realmDirectory,
                          String adminUser, String adminPassword, Path log) {
    }

    private final ManagedProcess process;
    private final Options options;
    private String adminToken;
    private long adminTokenAt;

    private KeycloakServer(ManagedProcess process, Options options) {
        this.process = process;
        this.options = options;
    }

    /**
     * Starts Keycloak and waits until the realm answers. The first start with a new distribution, JDK or JVM options is
     * preceded by a training run that records Keycloak's AOT cache (see {@link #aotCache(Path)}).
     */
    public static KeycloakServer start(Path home, Options options) {
        seedDataFolder(home, options);
        // The training run is stopped once the realm answers (the realm is imported then, into this instance's data
        // folder); its JVM then writes the cache through a child JVM that the stop leaves alone, as it signals only the
        // processes that existed when it began.
        List<String> cacheOptions = AotCaches.recordedOnce(() -> aotCache(home),
                recording -> launch(home, options, recording, options.log().resolveSibling("keycloak-aot.log")),
                training -> new KeycloakServer(training, options).awaitRealm(training), TRAINING_STOP);
        ManagedProcess process = launch(home, options, cacheOptions, options.log());
        KeycloakServer server = new KeycloakServer(process, options);
        try {
            server.awaitRealm(process);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * Gives a new data folder the schema and realm of a seed (see {@link KeycloakSeeds}), made the first time by a start
     * on a staging folder that is stopped once the realm answers. It runs with the AOT cache where there is one already;
     * the cache's own recording run comes after, on the seeded folder, as every later start will be.
     */
    private static void seedDataFolder(Path home, Options options) {
        Path seeds = home.getParent().resolve("keycloak-seeds");
        KeycloakSeeds.seed(seeds, () -> seedKey(home, options), options.dataDirectory(), staging -> {
            Options seeding = new Options(options.httpPort(), options.managementPort(), staging, options.realmDirectory(),
                    options.adminUser(), options.adminPassword(), options.log().resolveSibling("keycloak-seed.log"));
            return ManagedProcess.readyThenStopped(launch(home, seeding, aotCache(home).mapping(), seeding.log()),
                    run -> new KeycloakServer(run, seeding).awaitRealm(run), TRAINING_STOP);
        });
    }

    /** What shapes a seed's content: the distribution and its build, the realm files, the bootstrap administrator. */
    static String seedKey(Path home, Options options) {
        List<Path> realmFiles;
        try (var files = Files.list(options.realmDirectory())) {
            realmFiles = files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new StackException("cannot read the realm files in " + options.realmDirectory() + ": " + e.getMessage(), e);
        }
        List<String> settings = new ArrayList<>(List.of(home.toString(), options.adminUser(), options.adminPassword()));
        settings.addAll(KeycloakDistribution.BUILD_OPTIONS);
        return AotCaches.key(realmFiles, settings);
    }

    private static ManagedProcess launch(Path home, Options options, List<String> cacheOptions, Path log) {
        Path data = options.dataDirectory();
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + options.httpPort(),
                "--http-management-port=" + options.managementPort(), "--http-management-host=127.0.0.1",
                // Without a fixed hostname the issuer follows the request's Host header and services would refuse tokens.
                "--hostname=http://127.0.0.1:" + options.httpPort(),
                "--cache=local",
                // Themes from the checkout rather than <home>/themes, which every instance of the distribution shares.
                "--spi-theme--folder--dir=" + themeDirectory(options.realmDirectory()),
                // Keycloak's own dev-file settings, in this instance's folder instead of the shared distribution.
                "--db-url=jdbc:h2:file:" + data.resolve("h2/keycloakdb") + ";NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=0"));
        Map<String, String> env = new java.util.HashMap<>(KeycloakDistribution.javaEnvironment());
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", options.adminUser());
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", options.adminPassword());
        env.put("JAVA_OPTS_KC_HEAP", JvmOptions.KEYCLOAK_HEAP);
        // --import-realm always reads <home>/data/import, shared by every instance of the distribution; the property it
        // sets, given directly, imports from this instance's realm folder (realms that already exist are left alone).
        List<String> javaOptions = new ArrayList<>(List.of("-Dkeycloak.migration.dir=" + options.realmDirectory(),
                "-Dquarkus.transaction-manager.object-store.directory=" + data.resolve("transaction-logs")));
        javaOptions.addAll(JvmOptions.keycloak());
        javaOptions.addAll(cacheOptions);
        env.put("JAVA_OPTS_APPEND", String.join(" ", javaOptions));
        return ManagedProcess.start("keycloak", command, env, home, log);
    }

    private void awaitRealm(ManagedProcess process) {
        Readiness.await("Keycloak realm " + REALM, () -> Readiness.httpOk(readinessUri())
                && Readiness.httpOk(issuerUri().resolve(issuerUri().getPath() + "/.well-known/openid-configuration")),
                process, READY_TIMEOUT);
    }

    /**
     * Points the realm's mail (the verification link, among others) at an SMTP server without authentication or TLS.
     * Set through the admin API on every start rather than only in the realm file: the file is imported once, into a
     * data folder that outlives port changes (and tests pick a free port each run).
     */
    public void useSmtpServer(String host, int port) {
        // A partial realm representation: Keycloak changes only what it carries.
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUri() + "/admin/realms/" + REALM))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"smtpServer\":" + smtpSettings(host, port) + "}")));
        if (response.statusCode() != 204) {
            throw new StackException("Keycloak refused the realm's SMTP settings: " + response.statusCode() + " " + response.body());
        }
    }

    /**
     * Dresses the realm's sign-in pages in VisaPort's theme, in English and French. Set through the admin API on every
     * start as well as in the realm file, because a data folder imported before the theme existed keeps its realm.
     */
    public void useVisaportLoginTheme() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUri() + "/admin/realms/" + REALM))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(loginLook())));
        if (response.statusCode() != 204) {
            throw new StackException("Keycloak refused the realm's login theme: " + response.statusCode() + " " + response.body());
        }
    }

    /** The realm settings behind the sign-in pages' look and languages, as a partial realm representation. */
    static String loginLook() {
        ObjectNode look = JSON.createObjectNode()
                .put("loginTheme", LOGIN_THEME)
                .put("internationalizationEnabled", true);
        LOCALES.forEach(look.putArray("supportedLocales")::add);
        look.put("defaultLocale", LOCALES.getFirst());
        return JSON.writeValueAsString(look);
    }

    /**
     * Keycloak's AOT cache, beside the unpacked distribution, keyed by the built distribution (kc.sh and the Quarkus
     * application that {@code kc.sh build} generates) and the JVM options. Nothing makes Keycloak exit once started,
     * so the cache is recorded by a start that is stopped once ready (a recording kept until the stack stops would be
     * lost: Ctrl-C and {@code ./visaport down} signal every process, the JVM writing the cache included).
     */
    private static AotCaches.Recording aotCache(Path home) {
        List<Path> madeFrom = new ArrayList<>(List.of(home.resolve("bin/kc.sh"), home.resolve("lib/quarkus-run.jar")));
        try (var built = java.nio.file.Files.list(home.resolve("lib/quarkus"))) {
            built.sorted().forEach(madeFrom::add);
        } catch (IOException e) {
            throw new StackException("cannot read the Keycloak build in " + home + ": " + e.getMessage(), e);
        }
        List<String> jvmOptions = new ArrayList<>(List.of(JvmOptions.KEYCLOAK_HEAP));
        jvmOptions.addAll(JvmOptions.keycloak());
        return new AotCaches(home.getParent().resolve("aot"), JavaRuntime.javaExecutable(), home.getParent())
                .recording("keycloak", madeFrom, jvmOptions);
    }

    /** Where the server finds VisaPort's themes: next to the realm file. */
    static Path themeDirectory(Path realmDirectory) {
        return realmDirectory.resolve("themes").toAbsolutePath();
    }

    /**
     * Lets the browser client ({@code visaport-bff}, the gateway as backend-for-frontend) come back to the gateway on
     * this port after sign-in and sign-out. The realm file names port 8080; a stack on other ports (tests, or
     * {@code VISAPORT_GATEWAY_PORT}) adds its own on every start, as for the SMTP server above.
     */
    public void allowBrowserSignInAt(int gatewayPort) {
        String token = adminToken();
        URI clients = URI.create(baseUri() + "/admin/realms/" + REALM + "/clients");
        HttpResponse<String> found = send(HttpRequest.newBuilder(URI.create(clients + "?clientId=" + BROWSER_CLIENT))
                .header("Authorization", "Bearer " + token).GET());
        JsonNode list = JSON.readTree(found.body());
        if (found.statusCode() != 200 || !list.isArray() || list.isEmpty()) {
            throw new StackException("Keycloak's realm has no client " + BROWSER_CLIENT + " (" + found.statusCode() + ")");
        }
        ObjectNode client = (ObjectNode) list.get(0);
        ArrayNode redirects = client.withArray("redirectUris");
        ObjectNode attributes = client.withObject("attributes");
        List<String> logoutRedirects = new ArrayList<>(List.of(attributes.path("post.logout.redirect.uris").asString("").split("##")));
        logoutRedirects.removeIf(String::isBlank);
        boolean changed = false;
        for (String host : List.of("127.0.0.1", "localhost")) {
            String gateway = "http://" + host + ":" + gatewayPort;
            if (redirects.valueStream().noneMatch(uri -> uri.asString().equals(gateway + "/login/oauth2/code/keycloak"))) {
                redirects.add(gateway + "/login/oauth2/code/keycloak");
                changed = true;
            }
            if (!logoutRedirects.contains(gateway + "/")) {
                logoutRedirects.add(gateway + "/");
                changed = true;
            }
        }
        if (!changed) {
            return;
        }
        attributes.put("post.logout.redirect.uris", String.join("##", logoutRedirects));
        HttpResponse<String> updated = send(HttpRequest.newBuilder(URI.create(clients + "/" + client.path("id").asString()))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))));
        if (updated.statusCode() != 204) {
            throw new StackException("Keycloak refused the browser client's addresses: " + updated.statusCode() + " " + updated.body());
        }
    }

    /** The realm's {@code smtpServer} object (Keycloak wants every value as a string). */
    static String smtpSettings(String host, int port) {
        return """
                {"host":"%s","port":"%d","from":"%s","fromDisplayName":"%s","auth":"false","ssl":"false","starttls":"false"}"""
                .formatted(host, port, MAIL_FROM, MAIL_FROM_NAME);
    }

    /**
     * The administrator's access token, reused for a while: each new one costs Keycloak a password hash, which is
     * seconds of CPU while the services start beside it.
     */
    private synchronized String adminToken() {
        if (adminToken != null && System.nanoTime() - adminTokenAt < ADMIN_TOKEN_REUSE.toNanos()) {
            return adminToken;
        }
        String form = "grant_type=password&client_id=admin-cli&username=" + URLEncoder.encode(options.adminUser(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(options.adminPassword(), StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUri() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new StackException("Keycloak refused its administrator " + options.adminUser() + ": " + response.statusCode());
        }
        adminToken = token.group(1);
        adminTokenAt = System.nanoTime();
        return adminToken;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new StackException("Keycloak unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while configuring Keycloak", e);
        }
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
