package org.visaport.deploy;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One of VisaPort's own services: its Maven module, its port and the environment that connects it to the stack. */
public record ServiceSpec(String module, String portName) {

    public static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("identity-service", "identity"),
            new ServiceSpec("news-service", "news"),
            new ServiceSpec("comment-service", "comment"),
            new ServiceSpec("notification-service", "notification"),
            new ServiceSpec("gateway", "gateway"));

    public Path jar(Path projectDirectory) {
        return projectDirectory.resolve(module).resolve("target").resolve(module + ".jar");
    }

    /** The name of one instance (counted from 1): the module for the first, {@code news-service-2} for the second. */
    public String name(int instance) {
        return instance == 1 ? module : module + "-" + instance;
    }

    public URI baseUri(StackSettings settings) {
        return baseUri(settings, 1);
    }

    public URI baseUri(StackSettings settings, int instance) {
        return URI.create("http://127.0.0.1:" + settings.port(portName, instance));
    }

    public URI readinessUri(StackSettings settings) {
        return readinessUri(settings, 1);
    }

    /** The gateway keeps its actuator on a management port and answers the probes on its public port at /readyz. */
    public URI readinessUri(StackSettings settings, int instance) {
        return baseUri(settings, instance).resolve(isGateway() ? "/readyz" : "/actuator/health/readiness");
    }

    /** Where Prometheus scrapes the service: the gateway on its management port, the services on their own port. */
    public URI metricsUri(StackSettings settings) {
        URI base = isGateway() ? URI.create("http://127.0.0.1:" + settings.port("gateway-management")) : baseUri(settings);
        return base.resolve("/actuator/prometheus");
    }

    private boolean isGateway() {
        return module.equals("gateway");
    }

    public URI apiDocsUri(StackSettings settings) {
        return baseUri(settings).resolve("/swagger-ui.html");
    }

    public Map<String, String> environment(StackSettings settings) {
        return environment(settings, 1);
    }

    /**
     * The variables each service's application.yaml reads; see the services' configuration. The gateway balances over
     * every instance of a service; a service that calls another (comment-service's fallback to news-service) calls its
     * first instance.
     */
    public Map<String, String> environment(StackSettings settings, int instance) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(settings.port(portName, instance)));
        env.put("MONGODB_URI", settings.mongoUri());
        env.put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrapServers());
        env.put("KEYCLOAK_ISSUER_URI", settings.issuerUri());
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", Integer.toString(settings.port("smtp")));
        env.put("SPRING_PROFILES_ACTIVE", "local");
        if (isGateway()) {
            env.put("GATEWAY_MANAGEMENT_PORT", Integer.toString(settings.port("gateway-management", instance)));
            if (settings.replicas() > 1) {
                String redis = "redis://127.0.0.1:" + settings.port("redis");
                env.put("GATEWAY_REDIS_URL", redis);
                env.put("GATEWAY_RATE_LIMIT_STORE", "redis");
                env.put("GATEWAY_SESSION_STORE", "redis");
            }
        }
        for (ServiceSpec other : ALL) {
            if (!other.module.equals("gateway")) {
                int instances = isGateway() ? settings.replicas() : 1;
                env.put(other.portName.toUpperCase(java.util.Locale.ROOT) + "_SERVICE_URI", java.util.stream.IntStream.rangeClosed(1, instances)
                        .mapToObj(i -> other.baseUri(settings, i).toString()).collect(java.util.stream.Collectors.joining(",")));
            }
        }
        return env;
    }
}
