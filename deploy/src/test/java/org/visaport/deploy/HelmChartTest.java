package org.visaport.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.StrimziAclOperation;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.visaport.deploy.StrictManifests.Manifest;
import org.visaport.platform.topics.Topics;

/**
 * The Helm chart under deploy/kubernetes, linted and rendered by Helm itself (helm-java carries it as a native
 * library) for the default values and for engines run elsewhere, every rendered manifest parsed strictly
 * ({@link StrictManifests}), and the deployment's story held: one public door, probes and limits everywhere, no
 * secret in the chart, a NetworkPolicy per workload, and Kafka ACLs that keep the private topic private.
 */
class HelmChartTest {

    private static final Path CHART = Path.of("kubernetes/visaport");
    private static final Path EXTERNAL_ENGINES = Path.of("src/test/resources/kubernetes/values-external-engines.yaml");
    private static final List<String> SERVICES = List.of("identity-service", "news-service", "comment-service",
            "notification-service");
    private static final List<String> WORKLOADS = List.of("gateway", "identity-service", "news-service",
            "comment-service", "notification-service");
    private static final String RELEASE = "visaport";

    private static List<Manifest> defaults;
    private static List<Manifest> external;

    @BeforeAll
    static void render() {
        try {
            Helm.version().call();
        } catch (Throwable unavailable) {
            assumeTrue(false, "Helm chart checks skipped: helm-java has no Helm library for this platform ("
                    + unavailable + ")");
        }
        defaults = StrictManifests.parse(template(null));
        external = StrictManifests.parse(template(EXTERNAL_ENGINES));
    }

    private static String template(Path values) {
        // Helm's offline default is an old Kubernetes (1.20); the chart targets 1.27 and newer.
        var command = new Helm(CHART).template().withName(RELEASE).withNamespace("visaport").withKubeVersion("1.31.0");
        if (values != null) {
            command = command.withValuesFile(values);
        }
        return command.call();
    }

    @Test
    void chartPassesHelmLintStrictly() {
        LintResult lint = new Helm(CHART).lint().strict().call();

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void rendersEveryPartWithTheOperatorsAndWithoutThem() {
        assertThat(kinds(defaults)).containsExactlyInAnyOrder("ConfigMap", "Deployment", "HorizontalPodAutoscaler",
                "Ingress", "NetworkPolicy", "PodDisruptionBudget", "Service", "ServiceAccount", "Kafka", "KafkaNodePool",
                "KafkaTopic", "KafkaUser", "MongoDBCommunity", "Keycloak", "KeycloakRealmImport", "Cluster");
        assertThat(names(defaults, "Deployment")).containsExactlyInAnyOrderElementsOf(
                WORKLOADS.stream().map(part -> RELEASE + "-" + part).toList());

        assertThat(kinds(external)).doesNotContain("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser",
                "MongoDBCommunity", "Keycloak", "KeycloakRealmImport", "Cluster");
        assertThat(names(external, "HorizontalPodAutoscaler")).doesNotContain(RELEASE + "-gateway", RELEASE + "-news-service")
                .contains(RELEASE + "-comment-service");
        assertThat(deployment(external, "gateway").getSpec().getReplicas()).isEqualTo(3);
        assertThat(deployment(external, "news-service").getSpec().getReplicas()).isEqualTo(4);
        assertThat(container(external, "news-service").getImage()).isEqualTo("registry.example.org/visaport/news-service:1.2.3");
        assertThat(container(external, "news-service").getResources().getLimits().get("memory").toString()).isEqualTo("768Mi");
        assertThat(config(external, "news-service")).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka.shared.example:9093")
                .containsEntry("KEYCLOAK_ISSUER_URI", "https://sso.example.org/realms/visaport");
        assertThat(config(external, "gateway")).containsEntry("GATEWAY_RATE_LIMIT_STORE", "redis");
    }

    @Test
    void aMisspelledFieldIsRefusedInBuiltInStrimziAndOperatorKinds() {
        String rendered = template(null);

        assertRefused(rendered, "readinessProbe:", "readinesProbe:", "Deployment", "readinesProbe");
        assertRefused(rendered, "podSelector:", "podSelectr:", "NetworkPolicy", "podSelectr");
        assertRefused(rendered, "operations: [Read, Describe]", "operation: [Read, Describe]", "KafkaUser", "operation");
        assertRefused(rendered, "keycloakCRName:", "keycloakCrName:", "KeycloakRealmImport", "keycloakCrName");
        assertRefused(rendered, "  instances: 2\n", "  instancess: 2\n", "Keycloak", "instancess");
        assertRefused(rendered, "  members: 3\n", "  memberz: 3\n", "MongoDBCommunity", "memberz");
        assertRefused(rendered, "      owner: keycloak\n", "      ownr: keycloak\n", "Cluster", "ownr");
    }

    private static void assertRefused(String rendered, String field, String misspelled, String kind, String named) {
        assertThat(rendered).contains(field);
        assertThatThrownBy(() -> StrictManifests.parse(rendered.replaceFirst(java.util.regex.Pattern.quote(field),
                java.util.regex.Matcher.quoteReplacement(misspelled))))
                .as("%s with %s", kind, misspelled)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(kind + " ")
                .hasMessageContaining(named);
    }

    @Test
    void onlyTheGatewayIsPublicAndKeycloakOnlyForSignIn() {
        for (List<Manifest> rendered : List.of(defaults, external)) {
            Map<String, List<HTTPIngressPath>> backends = new java.util.HashMap<>();
            of(rendered, Ingress.class).forEach(ingress -> ingress.getSpec().getRules().forEach(rule ->
                    rule.getHttp().getPaths().forEach(path -> backends.computeIfAbsent(
                            path.getBackend().getService().getName(), ignored -> new ArrayList<>()).add(path))));

            assertThat(backends).containsKey(RELEASE + "-gateway");
            assertThat(backends.keySet()).allSatisfy(service -> assertThat(service).isIn(RELEASE + "-gateway",
                    "visaport-keycloak-service"));
            backends.getOrDefault("visaport-keycloak-service", List.of()).forEach(path ->
                    assertThat(path.getPath()).isIn("/realms/", "/resources/"));
            of(rendered, Ingress.class).forEach(ingress -> assertThat(ingress.getSpec().getTls()).isNotEmpty());
        }
        assertThat(names(external, "Ingress")).containsExactly(RELEASE + "-gateway");
    }

    @Test
    void everyDeploymentHasProbesLimitsAndARestrictedContainer() {
        for (List<Manifest> rendered : List.of(defaults, external)) {
            for (Deployment deployment : of(rendered, Deployment.class)) {
                PodSpec pod = deployment.getSpec().getTemplate().getSpec();
                assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
                assertThat(pod.getAutomountServiceAccountToken()).isFalse();
                assertThat(pod.getVolumes()).anySatisfy(volume -> assertThat(volume.getEmptyDir()).isNotNull());
                for (Container container : pod.getContainers()) {
                    String where = deployment.getMetadata().getName();
                    assertThat(container.getLivenessProbe()).as(where).isNotNull();
                    assertThat(container.getReadinessProbe()).as(where).isNotNull();
                    assertThat(container.getStartupProbe()).as(where).isNotNull();
                    assertThat(container.getReadinessProbe().getHttpGet().getPath()).as(where)
                            .isIn("/actuator/health/readiness", "/readyz");
                    assertThat(container.getLivenessProbe().getHttpGet().getPath()).as(where)
                            .isIn("/actuator/health/liveness", "/livez");
                    assertThat(container.getResources().getLimits()).as(where).containsKeys("cpu", "memory");
                    assertThat(container.getResources().getRequests()).as(where).containsKeys("cpu", "memory");
                    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(where).isTrue();
                    assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(where).isFalse();
                    assertThat(container.getVolumeMounts()).as(where).anySatisfy(mount ->
                            assertThat(mount.getMountPath()).isEqualTo("/tmp"));
                }
            }
        }
    }

    @Test
    void noSecretValueComesFromTheChart() {
        for (List<Manifest> rendered : List.of(defaults, external)) {
            of(rendered, Secret.class).forEach(secret -> {
                assertThat(secret.getData()).as(secret.getMetadata().getName()).isNullOrEmpty();
                assertThat(secret.getStringData()).as(secret.getMetadata().getName()).isNullOrEmpty();
            });
            of(rendered, ConfigMap.class).forEach(map -> assertThat(map.getData().keySet())
                    .noneMatch(key -> key.contains("SECRET") || key.contains("PASSWORD")));
        }
        // The realm import: the local realm's users and secrets stay local.
        JsonNode realm = single(defaults, "KeycloakRealmImport").tree().path("spec").path("realm");
        JsonNode local = readJson(Path.of("keycloak/visaport-realm.json"));
        assertThat(realm.path("users").findValues("username")).extracting(JsonNode::asText)
                .containsExactly("service-account-identity-service");
        assertThat(realm.path("users").findValues("credentials")).isEmpty();
        String text = realm.toString();
        local.path("clients").forEach(client -> {
            if (client.has("secret")) {
                assertThat(text).doesNotContain(client.path("secret").asText());
            }
        });
        assertThat(text).doesNotContain("@visaport.local\"");
        // Browsers come back to the public address only; the mobile client keeps its loopback redirect (RFC 8252).
        realm.path("clients").forEach(client -> {
            if (client.path("clientId").asText().startsWith("visaport-") && !client.path("clientId").asText().equals("visaport-mobile")) {
                String addresses = client.path("redirectUris").toString() + client.path("webOrigins")
                        + client.path("attributes").path("post.logout.redirect.uris");
                assertThat(addresses).as(client.path("clientId").asText()).doesNotContain("127.0.0.1", "localhost");
            }
        });
        assertThat(realm.path("smtpServer").path("host").asText()).isEqualTo("smtp.visaport.example");
        assertThat(realm.path("clients").findValues("clientId")).extracting(JsonNode::asText)
                .doesNotContain("visaport-cli")
                .containsExactlyInAnyOrderElementsOf(clientIds(local).stream().filter(id -> !id.equals("visaport-cli")).toList());
        // Everything else is the local realm itself: roles, token lifetimes, password policy, the user profile.
        assertThat(realm.path("roles")).isEqualTo(local.path("roles"));
        for (String setting : List.of("accessTokenLifespan", "passwordPolicy", "bruteForceProtected", "defaultRole",
                "components", "revokeRefreshToken", "sslRequired")) {
            assertThat(realm.path(setting)).as(setting).isEqualTo(local.path(setting));
        }
    }

    @Test
    void everyWorkloadHasItsNetworkPolicyAndOnlyTheGatewayTakesTheIngressController() {
        for (List<Manifest> rendered : List.of(defaults, external)) {
            List<NetworkPolicy> policies = of(rendered, NetworkPolicy.class);
            assertThat(policies).anySatisfy(policy -> {
                assertThat(policy.getSpec().getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/part-of", "visaport");
                assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
                assertThat(policy.getSpec().getIngress()).isNullOrEmpty();
                assertThat(policy.getSpec().getEgress()).isNullOrEmpty();
            });
            for (String part : WORKLOADS) {
                Map<String, String> labels = deployment(rendered, part).getSpec().getTemplate().getMetadata().getLabels();
                NetworkPolicy own = policies.stream()
                        .filter(policy -> policy.getSpec().getPodSelector().getMatchLabels() != null
                                && policy.getSpec().getPodSelector().getMatchLabels().equals(Map.of(
                                "app.kubernetes.io/name", part, "app.kubernetes.io/instance", RELEASE)))
                        .findFirst().orElseThrow(() -> new AssertionError("no NetworkPolicy for " + part));
                assertThat(labels).containsAllEntriesOf(own.getSpec().getPodSelector().getMatchLabels());
                boolean fromIngressController = own.getSpec().getIngress().stream()
                        .flatMap(rule -> rule.getFrom().stream())
                        .anyMatch(peer -> peer.getNamespaceSelector() != null && "ingress-nginx".equals(
                                peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")));
                assertThat(fromIngressController).as(part).isEqualTo(part.equals("gateway"));
                Set<String> callers = own.getSpec().getIngress().stream().flatMap(rule -> rule.getFrom().stream())
                        .filter(peer -> peer.getPodSelector() != null && peer.getNamespaceSelector() == null)
                        .map(peer -> peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"))
                        .collect(Collectors.toCollection(TreeSet::new));
                assertThat(callers).as("who may call " + part).isEqualTo(switch (part) {
                    case "gateway" -> Set.of();
                    case "news-service" -> Set.of("gateway", "comment-service");
                    default -> Set.of("gateway");
                });
            }
        }
    }

    @Test
    void kafkaTopicsAreTheCataloguesReplicatedThreeTimes() {
        List<KafkaTopic> topics = of(defaults, KafkaTopic.class);

        assertThat(topics).extracting(topic -> topic.getSpec().getTopicName())
                .containsExactlyInAnyOrderElementsOf(Topics.withDeadLetters());
        assertThat(topics).allSatisfy(topic -> {
            assertThat(topic.getSpec().getReplicas()).isEqualTo(3);
            assertThat(topic.getSpec().getPartitions()).isEqualTo(Topics.DEFAULT_PARTITIONS);
            assertThat(topic.getSpec().getConfig()).containsEntry("min.insync.replicas", 2);
        });
    }

    @Test
    void kafkaAclsKeepThePrivateTopicToNotificationServiceAndEachServiceToItsOwnTopics() {
        Map<String, Set<String>> reads = new java.util.TreeMap<>();
        Map<String, Set<String>> writes = new java.util.TreeMap<>();
        for (KafkaUser user : of(defaults, KafkaUser.class)) {
            String service = user.getMetadata().getName().substring(RELEASE.length() + 1);
            assertThat(user.getSpec().getAuthentication().getType()).isEqualTo("tls");
            for (AclRule rule : ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls()) {
                assertThat(rule.getOperations()).doesNotContain(StrimziAclOperation.ALL, StrimziAclOperation.CREATE,
                        StrimziAclOperation.DELETE, StrimziAclOperation.ALTER, StrimziAclOperation.ALTERCONFIGS);
                if (rule.getResource() instanceof AclRuleTopicResource topic) {
                    assertThat(topic.getPatternType().toValue()).isEqualTo("literal");
                    if (rule.getOperations().contains(StrimziAclOperation.READ)) {
                        reads.computeIfAbsent(topic.getName(), ignored -> new TreeSet<>()).add(service);
                    }
                    if (rule.getOperations().contains(StrimziAclOperation.WRITE)) {
                        writes.computeIfAbsent(topic.getName(), ignored -> new TreeSet<>()).add(service);
                    }
                } else if (rule.getResource() instanceof AclRuleGroupResource group) {
                    assertThat(group.getName()).isEqualTo(service + ".");
                } else {
                    throw new AssertionError(service + " has an ACL on " + rule.getResource());
                }
            }
        }

        assertThat(reads.get(Topics.MEMBER_NOTIFICATIONS)).containsExactly("notification-service");
        assertThat(reads).containsOnlyKeys(Topics.EVENT_TOPICS);
        assertThat(writes).isEqualTo(Map.of(
                Topics.MEMBER_EVENTS, Set.of("identity-service"),
                Topics.MEMBER_NOTIFICATIONS, Set.of("identity-service"),
                Topics.ARTICLE_EVENTS, Set.of("news-service"),
                Topics.COMMENT_EVENTS, Set.of("comment-service"),
                Topics.deadLetter(Topics.MEMBER_EVENTS), Set.of("comment-service", "notification-service"),
                Topics.deadLetter(Topics.MEMBER_NOTIFICATIONS), Set.of("notification-service"),
                Topics.deadLetter(Topics.ARTICLE_EVENTS), Set.of("comment-service", "notification-service"),
                Topics.deadLetter(Topics.COMMENT_EVENTS), Set.of("notification-service")));
        JsonNode listener = single(defaults, "Kafka").tree().path("spec").path("kafka").path("listeners").get(0);
        assertThat(listener.path("tls").asBoolean()).isTrue();
        assertThat(listener.path("authentication").path("type").asText()).isEqualTo("tls");
    }

    /** A misspelt variable name would be ignored by the service: each one set must be one the service reads. */
    @Test
    void everyVariableGivenToAServiceIsOneItReads() throws IOException {
        for (String part : WORKLOADS) {
            String settings = Files.readString(Path.of("..", part, "src/main/resources/application.yaml"));
            Set<String> variables = new HashSet<>(config(defaults, part).keySet());
            variables.addAll(config(external, part).keySet());
            deployment(defaults, part).getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv()
                    .forEach(variable -> variables.add(variable.getName()));
            for (String variable : variables) {
                if (variable.startsWith("SPRING_")) {
                    // Spring's relaxed binding of spring.* properties; their names are checked in the README's table.
                    continue;
                }
                if (variable.equals("JAVA_TOOL_OPTIONS")) {
                    continue;
                }
                assertThat(settings).as(part + " reads " + variable).contains("${" + variable + ":");
            }
        }
    }

    private static List<String> kinds(List<Manifest> manifests) {
        return manifests.stream().map(Manifest::kind).distinct().toList();
    }

    private static List<String> names(List<Manifest> manifests, String kind) {
        return manifests.stream().filter(manifest -> manifest.kind().equals(kind)).map(Manifest::name).toList();
    }

    private static <T> List<T> of(List<Manifest> manifests, Class<T> type) {
        return manifests.stream().filter(manifest -> type.isInstance(manifest.model())).map(manifest -> manifest.as(type)).toList();
    }

    private static Manifest single(List<Manifest> manifests, String kind) {
        List<Manifest> found = manifests.stream().filter(manifest -> manifest.kind().equals(kind)).toList();
        assertThat(found).as(kind).hasSize(1);
        return found.getFirst();
    }

    private static Deployment deployment(List<Manifest> manifests, String part) {
        return of(manifests, Deployment.class).stream()
                .filter(deployment -> deployment.getMetadata().getName().equals(RELEASE + "-" + part))
                .findFirst().orElseThrow();
    }

    private static Container container(List<Manifest> manifests, String part) {
        return deployment(manifests, part).getSpec().getTemplate().getSpec().getContainers().getFirst();
    }

    private static Map<String, String> config(List<Manifest> manifests, String part) {
        return of(manifests, ConfigMap.class).stream()
                .filter(map -> map.getMetadata().getName().equals(RELEASE + "-" + part))
                .findFirst().orElseThrow().getData();
    }

    private static List<String> clientIds(JsonNode realm) {
        List<String> ids = new ArrayList<>();
        realm.path("clients").forEach(client -> ids.add(client.path("clientId").asText()));
        return ids;
    }

    private static JsonNode readJson(Path file) {
        try {
            return new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
