package org.visaport.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the local stack lives and which ports it takes; each default can be overridden by an environment variable,
 * and Kafka, MongoDB and Keycloak can be replaced by external ones. With {@code replicas} above one, each service
 * and the gateway run that many instances: the second instance of a part takes its port plus 10000 (the third plus
 * 20000 …) unless {@code VISAPORT_<NAME>_<N>_PORT} says otherwise, and Redis joins the stack on port 6379.
 */
public record StackSettings(
        Path projectDirectory,
        Path home,
        Path cacheDirectory,
        Map<String, Integer> ports,
        int replicas,
        int kafkaPartitions,
        Optional<String> externalMongoUri,
        Optional<String> externalKafka,
        Optional<String> externalIssuerUri) {

    /** Port names and their defaults; the override variable is VISAPORT_&lt;NAME&gt;_PORT. */
    public static final Map<String, Integer> DEFAULT_PORTS = orderedPorts();

    private static Map<String, Integer> orderedPorts() {
        var ports = new java.util.LinkedHashMap<String, Integer>();
        ports.put("gateway", 8080);
        ports.put("gateway-management", 8090);
        ports.put("identity", 8081);
        ports.put("news", 8082);
        ports.put("comment", 8083);
        ports.put("notification", 8084);
        ports.put("keycloak", 8180);
        ports.put("keycloak-management", 8190);
        ports.put("kafka", 9092);
        ports.put("kafka-controller", 9093);
        ports.put("mongodb", 27017);
        ports.put("smtp", 2525);
        ports.put("mail-api", 8025);
        return java.util.Collections.unmodifiableMap(ports);
    }

    /** The parts that run once per replica, by the name of their port. */
    static final List<String> REPLICATED_PORTS = List.of("gateway", "gateway-management", "identity", "news", "comment", "notification");

    /** Enough for the checks that need two or three instances; each instance of a service costs about 250 MiB. */
    static final int MAX_REPLICAS = 5;

    private static final int REPLICA_PORT_STEP = 10000;

    public static StackSettings fromEnvironment(Path projectDirectory, Map<String, String> env) {
        var ports = new java.util.LinkedHashMap<String, Integer>();
        DEFAULT_PORTS.forEach((name, port) -> ports.put(name, intSetting(env, portVariable(name), port)));
        int replicas = replicas(env.get("VISAPORT_REPLICAS"));
        for (int instance = 2; instance <= replicas; instance++) {
            for (String name : REPLICATED_PORTS) {
                String instanceName = instancePortName(name, instance);
                int port = intSetting(env, portVariable(instanceName), ports.get(name) + REPLICA_PORT_STEP * (instance - 1));
                if (port > 65535) {
                    throw new StackException(portVariable(instanceName) + " must be set: " + portVariable(name)
                            + " leaves no room for instance " + instance + " " + REPLICA_PORT_STEP * (instance - 1) + " ports above it");
                }
                ports.put(instanceName, port);
            }
        }
        if (replicas > 1) {
            // Shared state of the gateway's instances (rate limits, browser sessions); one instance keeps it in memory.
            ports.put("redis", intSetting(env, portVariable("redis"), 6379));
        }
        Path home = Optional.ofNullable(env.get("VISAPORT_HOME")).map(Path::of).orElse(projectDirectory.resolve(".visaport"));
        Path cache = Optional.ofNullable(env.get("VISAPORT_CACHE")).map(Path::of)
                .orElseGet(() -> Optional.ofNullable(env.get("XDG_CACHE_HOME")).map(Path::of)
                        .orElse(Path.of(System.getProperty("user.home"), ".cache")).resolve("visaport"));
        return new StackSettings(projectDirectory.toAbsolutePath(), home.toAbsolutePath(), cache.toAbsolutePath(),
                java.util.Collections.unmodifiableMap(ports), replicas,
                intSetting(env, "VISAPORT_KAFKA_PARTITIONS", 6),
                nonBlank(env, "MONGODB_URI"), nonBlank(env, "KAFKA_BOOTSTRAP_SERVERS"), nonBlank(env, "KEYCLOAK_ISSUER_URI"));
    }

    /** The names of every port a stack of {@code replicas} takes, for callers that choose them all (tests). */
    public static List<String> portNames(int replicas) {
        List<String> names = new java.util.ArrayList<>(DEFAULT_PORTS.keySet());
        for (int instance = 2; instance <= replicas; instance++) {
            for (String name : REPLICATED_PORTS) {
                names.add(instancePortName(name, instance));
            }
        }
        if (replicas > 1) {
            names.add("redis");
        }
        return names;
    }

    private static String instancePortName(String name, int instance) {
        return instance == 1 ? name : name + "-" + instance;
    }

    private static int replicas(String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            int replicas = Integer.parseInt(value.strip());
            if (replicas >= 1 && replicas <= MAX_REPLICAS) {
                return replicas;
            }
        } catch (NumberFormatException notANumber) {
            // Said below.
        }
        throw new StackException("the replicas (--replicas or VISAPORT_REPLICAS) must be a number from 1 to " + MAX_REPLICAS
                + ", not '" + value + "'");
    }

    public static String portVariable(String name) {
        return "VISAPORT_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_PORT";
    }

    private static int intSetting(Map<String, String> env, String variable, int fallback) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed <= 0 || parsed > 65535) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new StackException(variable + " must be a number between 1 and 65535, not '" + value + "'");
        }
    }

    private static Optional<String> nonBlank(Map<String, String> env, String variable) {
        return Optional.ofNullable(env.get(variable)).map(String::strip).filter(v -> !v.isEmpty());
    }

    public int port(String name) {
        Integer port = ports.get(name);
        if (port == null) {
            throw new IllegalArgumentException("unknown port " + name);
        }
        return port;
    }

    /** The port of one instance (counted from 1) of a part that runs once per replica. */
    public int port(String name, int instance) {
        return port(instancePortName(name, instance));
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path data() {
        return home.resolve("data");
    }

    public Path run() {
        return home.resolve("run");
    }

    public String mongoUri() {
        return externalMongoUri.orElse("mongodb://127.0.0.1:" + port("mongodb"));
    }

    public String kafkaBootstrapServers() {
        return externalKafka.orElse("127.0.0.1:" + port("kafka"));
    }

    public String issuerUri() {
        return externalIssuerUri.orElse("http://127.0.0.1:" + port("keycloak") + "/realms/" + KeycloakServer.REALM);
    }
}
