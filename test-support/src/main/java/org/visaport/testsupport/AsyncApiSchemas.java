package org.visaport.testsupport;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The schemas of docs/asyncapi.yaml, so tests hold what the service produces against what the document promises. */
public final class AsyncApiSchemas {

    /** The document under the address its schemas are known by, read from the checkout (nothing is fetched). */
    private static final String DOCUMENT = "https://visaport.example/asyncapi.yaml";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemas(Map.of(DOCUMENT, read())));

    private AsyncApiSchemas() {
    }

    public static Schema schema(String name) {
        return REGISTRY.getSchema(SchemaLocation.of(DOCUMENT + "#/components/schemas/" + name));
    }

    private static String read() {
        try {
            return Files.readString(ProjectLayout.root().resolve("docs/asyncapi.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example payloads of the messages whose name starts with {@code typePrefix} (e.g. {@code comment.}), as JSON. */
    public static List<String> examples(String typePrefix) {
        JsonNode document = YAMLMapper.builder().build().readTree(read());
        JsonMapper json = JsonMapper.builder().build();
        List<String> examples = new ArrayList<>();
        document.path("components").path("messages").forEach(message -> {
            if (message.path("name").asString().startsWith(typePrefix)) {
                message.path("examples").forEach(example -> examples.add(json.writeValueAsString(example.path("payload"))));
            }
        });
        return examples;
    }

    public static List<Error> violations(String schemaName, String json) {
        return schema(schemaName).validate(json, InputFormat.JSON, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
    }
}
