package org.visaport.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Rendered manifests parsed the way an API server with strict field validation would take them: every document must
 * be a kind this class knows, and a field its schema does not name fails. Built-in kinds and Strimzi's go through
 * their Java models (fabric8, io.strimzi:api); the other operators' kinds through their CRDs' OpenAPI schemas,
 * vendored under src/test/resources/crds (see SOURCES.md there).
 */
final class StrictManifests {

    /** One document of the rendered chart: its kind, its name, its tree and, for model-backed kinds, the object. */
    record Manifest(String apiVersion, String kind, String name, JsonNode tree, Object model) {

        <T> T as(Class<T> type) {
            return type.cast(model);
        }
    }

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class));

    private static final Map<String, String> CRDS = Map.of(
            "k8s.keycloak.org/v2alpha1/Keycloak", "keycloaks.k8s.keycloak.org-v1.yml",
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport", "keycloakrealmimports.k8s.keycloak.org-v1.yml",
            "mongodbcommunity.mongodb.com/v1/MongoDBCommunity", "mongodbcommunity.mongodb.com_mongodbcommunity.yaml",
            "postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io_clusters.yaml");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * fabric8's and Strimzi's models keep unknown fields in an "additional properties" map (a Jackson any-setter), so
     * a misspelled field would pass silently. Without any-setters, Jackson's own unknown-property check applies.
     */
    private static final ObjectMapper STRICT = new ObjectMapper()
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated annotated) {
                    return Boolean.FALSE;
                }
            })
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    private static final tools.jackson.databind.ObjectMapper JSON3 = tools.jackson.databind.json.JsonMapper.builder().build();
    private static final Map<String, Schema> schemaCache = new java.util.concurrent.ConcurrentHashMap<>();

    static {
        // fabric8's custom resources log every apiVersion and kind Jackson sets on them, at DEBUG.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.fabric8"))
                .setLevel(ch.qos.logback.classic.Level.INFO);
    }

    private StrictManifests() {
    }

    /** Every document of a rendered chart, each checked; the first that fails throws, naming kind, name and cause. */
    static List<Manifest> parse(String rendered) {
        List<Manifest> manifests = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(rendered)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isNull() || document.isMissingNode() || document.isEmpty()) {
                    continue;
                }
                manifests.add(check(document));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return manifests;
    }

    private static Manifest check(JsonNode document) {
        String apiVersion = document.path("apiVersion").asText();
        String kind = document.path("kind").asText();
        String name = document.path("metadata").path("name").asText();
        String key = apiVersion + "/" + kind;
        String where = kind + " " + name;
        if (name.isEmpty()) {
            throw new IllegalArgumentException(where + ": no metadata.name");
        }
        Class<?> model = MODELS.get(key);
        if (model != null) {
            try {
                return new Manifest(apiVersion, kind, name, document, STRICT.treeToValue(document, model));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(where + " does not fit its schema: " + e.getOriginalMessage(), e);
            }
        }
        String crd = CRDS.get(key);
        if (crd == null) {
            throw new IllegalArgumentException(where + ": no strict schema known for " + key);
        }
        List<com.networknt.schema.Error> errors = schema(crd, apiVersion.substring(apiVersion.indexOf('/') + 1))
                .validate(JSON3.readTree(document.toString()));
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(where + " does not fit its CRD schema: "
                    + errors.stream().map(Object::toString).collect(Collectors.joining("; ")));
        }
        return new Manifest(apiVersion, kind, name, document, null);
    }

    private static Schema schema(String file, String version) {
        return schemaCache.computeIfAbsent(file + "#" + version, ignored -> {
            JsonNode crd = read(Path.of("src/test/resources/crds", file));
            for (JsonNode served : crd.path("spec").path("versions")) {
                if (served.path("name").asText().equals(version)) {
                    ObjectNode schema = served.path("schema").path("openAPIV3Schema").deepCopy();
                    // Every object has these whatever its CRD says (some generated CRDs leave them out).
                    ObjectNode properties = schema.with("properties");
                    properties.putIfAbsent("apiVersion", YAML.createObjectNode().put("type", "string"));
                    properties.putIfAbsent("kind", YAML.createObjectNode().put("type", "string"));
                    properties.putIfAbsent("metadata", YAML.createObjectNode().put("type", "object"));
                    if (file.startsWith("keycloakrealmimports")) {
                        // The realm is the local one (deploy/keycloak), which Keycloak 26.7 imports on every local
                        // start; the newest realm-import CRD in reach (26.0) predates some of its fields. HelmChartTest
                        // compares the rendered realm with the local file instead.
                        schema.with("properties").with("spec").with("properties")
                                .set("realm", YAML.createObjectNode().put("type", "object"));
                    }
                    closeObjects(schema);
                    return SCHEMAS.getSchema(JSON3.readTree(schema.toString()));
                }
            }
            throw new IllegalStateException(file + " has no version " + version);
        });
    }

    /**
     * A CRD schema leaves unnamed fields to the API server, which drops them (pruning): here they are refused
     * instead, as with kubectl's strict field validation. Objects that keep unknown fields on purpose are left open.
     */
    private static void closeObjects(JsonNode node) {
        if (node instanceof ObjectNode object) {
            boolean preserves = object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
            if (object.has("properties") && !object.has("additionalProperties") && !preserves) {
                object.put("additionalProperties", false);
            }
            // OpenAPI's nullable has no meaning in draft 4; Kubernetes allows null where it is set.
            if (object.path("nullable").asBoolean(false) && object.has("type")) {
                object.set("type", YAML.createArrayNode().add(object.get("type").asText()).add("null"));
            }
            // Kubernetes' own keywords (list types, CEL rules) mean nothing to a JSON-schema validator.
            object.properties().removeIf(field -> field.getKey().startsWith("x-kubernetes-"));
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            closeObjects(children.next());
        }
    }

    private static JsonNode read(Path file) {
        try {
            return YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
