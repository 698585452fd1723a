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

    public URI baseUri(StackSettings settings) {
        return URI.create("http://127.0.0.1:" + settings.port(portName));
    }

    /** The gateway keeps its actuator on a management port and answers the probes on its public port at /readyz. */
    public URI readinessUri(StackSettings settings) {
        return baseUri(settings).resolve(isGateway() ? "/readyz" : "/actuator/health/readiness");
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

    /** The variables each service's application.yaml reads; see the services' configuration. */
    public Map<String, String> environment(StackSettings settings) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(settings.port(portName)));
        env.put("MONGODB_URI", settings.mongoUri());
        env.put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrapServers());
        env.put("KEYCLOAK_ISSUER_URI", settings.issuerUri());
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", Integer.toString(settings.port("smtp")));
        env.put("SPRING_PROFILES_ACTIVE", "local");
        if (isGateway()) {
            env.put("GATEWAY_MANAGEMENT_PORT", Integer.toString(settings.port("gateway-management")));
        }
        for (ServiceSpec other : ALL) {
            if (!other.module.equals("gateway")) {
                env.put(other.portName.toUpperCase(java.util.Locale.ROOT) + "_SERVICE_URI", other.baseUri(settings).toString());
            }
        }
        return env;
    }
}
