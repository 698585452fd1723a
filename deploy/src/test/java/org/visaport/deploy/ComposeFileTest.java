package org.visaport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/compose/compose.yaml as docker-compose itself reads it: valid (docker-compose config resolves variables,
 * anchors and merge keys, and refuses what the Compose format does not allow), and holding to the rules the README
 * gives for it. Read from docker-compose's output rather than the file, so the anchors count as compose sees them.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("compose");
    private static final Set<String> ENGINES = Set.of("mongodb", "kafka");
    /** Spring's own variables the services are given besides the ones their configuration names. */
    private static final Set<String> SPRING_VARIABLES = Set.of("SPRING_CONFIG_IMPORT");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    private static Map<String, Map<String, Object>> services;
    private static String version;

    @BeforeAll
    static void resolve() throws Exception {
        ExternalTool compose = new ExternalTool("docker-compose", "docker-compose").assumeInstalled();
        ExternalTool.Result quiet = compose.run(COMPOSE, "-f", "compose.yaml", "--env-file", ".env.example", "config", "--quiet");
        assertThat(quiet.exitCode()).as(quiet.output()).isZero();
        ExternalTool.Result resolved = compose.run(COMPOSE, "-f", "compose.yaml", "--env-file", ".env.example", "config");
        assertThat(resolved.exitCode()).as(resolved.output()).isZero();
        Map<String, Object> file = new Yaml().load(resolved.output());
        services = cast(file.get("services"));
        version = environmentFile().get("VISAPORT_VERSION");
    }

    @Test
    void runsEachServiceAndTheGatewayFromItsImage() {
        for (ServiceSpec service : ServiceSpec.ALL) {
            assertThat(services).containsKey(service.module());
            assertThat(services.get(service.module())).containsEntry("image", "visaport/" + service.module() + ":" + version);
        }
    }

    @Test
    void everyLongRunningContainerHasAHealthCheckAndOneShotsAreAwaitedToTheirEnd() {
        for (var service : services.entrySet()) {
            if ("no".equals(String.valueOf(service.getValue().get("restart")))) {
                assertThat(dependents(service.getKey(), "service_completed_successfully")).as(service.getKey()).isNotEmpty();
            } else {
                Map<String, Object> healthcheck = cast(service.getValue().get("healthcheck"));
                assertThat(healthcheck).as(service.getKey() + " health check").isNotNull().containsKey("test");
            }
        }
    }

    @Test
    void startsNothingBeforeWhatItNeedsIsHealthy() {
        for (var service : services.entrySet()) {
            Map<String, Map<String, Object>> dependsOn = dependsOn(service.getKey());
            for (var dependency : dependsOn.entrySet()) {
                assertThat(dependency.getValue().get("condition")).as(service.getKey() + " on " + dependency.getKey())
                        .isIn("service_healthy", "service_completed_successfully");
            }
        }
        for (ServiceSpec service : ServiceSpec.ALL) {
            Set<String> needs = service.module().equals("gateway")
                    ? ServiceSpec.ALL.stream().map(ServiceSpec::module).filter(m -> !m.equals("gateway")).collect(java.util.stream.Collectors.toSet())
                    : ENGINES;
            assertThat(dependsOn(service.module()).keySet()).as(service.module()).containsAll(needs);
        }
    }

    @Test
    void publishesOnlyTheGatewayKeycloakAndTheMailPageOnLoopbackByDefault() {
        Map<String, List<String>> published = new java.util.TreeMap<>();
        for (var service : services.entrySet()) {
            List<Object> ports = cast(service.getValue().get("ports"));
            if (ports != null) {
                published.put(service.getKey(), ports.stream().map(ComposeFileTest::hostBinding).toList());
            }
        }
        assertThat(published).containsOnlyKeys("gateway", "keycloak", "mailpit");
        assertThat(published.values()).allSatisfy(bindings -> assertThat(bindings).allMatch(b -> b.startsWith("127.0.0.1:")));
    }

    @Test
    void givesTheServicesOnlyVariablesTheirConfigurationReads() throws IOException {
        Set<String> shared = placeholders(Path.of("..", "service-support", "src", "main"));
        for (ServiceSpec service : ServiceSpec.ALL) {
            Set<String> read = new TreeSet<>(shared);
            read.addAll(placeholders(Path.of("..", service.module(), "src", "main", "resources")));
            read.addAll(SPRING_VARIABLES);
            Map<String, Object> environment = cast(services.get(service.module()).get("environment"));
            assertThat(read).as(service.module() + " reads its environment").containsAll(environment.keySet());
            // Secrets arrive as files named after the variable they stand for (Spring's config tree import).
            assertThat(read).as(service.module() + " reads its secrets").containsAll(secretTargets(service.module()));
        }
    }

    @Test
    void keepsSecretsOutOfTheEnvironment() {
        for (var service : services.entrySet()) {
            Map<String, Object> environment = cast(service.getValue().get("environment"));
            if (environment != null) {
                assertThat(environment.keySet()).as(service.getKey())
                        .noneMatch(name -> name.matches(".*(SECRET|PASSWORD)$"));
            }
        }
        assertThat(secretTargets("identity-service")).contains("KEYCLOAK_CLIENT_SECRET");
        assertThat(secretTargets("gateway")).contains("GATEWAY_WEB_CLIENT_SECRET");
        assertThat(secretTargets("notification-service")).contains("VISAPORT_UNSUBSCRIBE_SECRET");
    }

    @Test
    void ignoresTheInstallationsOwnSettingsAndSecretsInGit() throws IOException {
        assertThat(Files.readAllLines(COMPOSE.resolve(".gitignore"))).contains(".env", "secrets/");
    }

    private static String hostBinding(Object port) {
        if (port instanceof Map<?, ?> longSyntax) {
            // docker compose v2 prints the long syntax.
            return longSyntax.get("host_ip") + ":" + longSyntax.get("published");
        }
        return String.valueOf(port);
    }

    private static Set<String> dependents(String name, String condition) {
        Set<String> dependents = new TreeSet<>();
        for (String other : services.keySet()) {
            Map<String, Object> on = dependsOn(other).get(name);
            if (on != null && condition.equals(on.get("condition"))) {
                dependents.add(other);
            }
        }
        return dependents;
    }

    private static Map<String, Map<String, Object>> dependsOn(String service) {
        Object dependsOn = services.get(service).get("depends_on");
        return dependsOn == null ? Map.of() : cast(dependsOn);
    }

    private static List<String> secretTargets(String service) {
        List<Object> secrets = cast(services.get(service).get("secrets"));
        List<String> targets = new ArrayList<>();
        for (Object secret : secrets == null ? List.of() : secrets) {
            if (secret instanceof Map<?, ?> longSyntax) {
                targets.add(String.valueOf(longSyntax.get("target") != null ? longSyntax.get("target") : longSyntax.get("source")));
            } else {
                targets.add(String.valueOf(secret));
            }
        }
        return targets;
    }

    private static Set<String> placeholders(Path directory) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".java")).toList()) {
                Matcher matcher = PLACEHOLDER.matcher(Files.readString(file));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        return names;
    }

    private static Map<String, String> environmentFile() throws IOException {
        Map<String, String> values = new java.util.HashMap<>();
        for (String line : Files.readAllLines(COMPOSE.resolve(".env.example"))) {
            int equals = line.indexOf('=');
            if (!line.startsWith("#") && equals > 0) {
                values.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
            }
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
