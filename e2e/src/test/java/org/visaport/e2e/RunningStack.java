package org.visaport.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.visaport.deploy.Folders;
import org.visaport.deploy.BuildArtifacts;
import org.visaport.deploy.Demo;
import org.visaport.deploy.LocalStack;
import org.visaport.deploy.Ports;
import org.visaport.deploy.RedisServer;
import org.visaport.deploy.ServiceSpec;
import org.visaport.deploy.StackSettings;

/**
 * The local stack ({@link LocalStack}: Kafka, the MongoDB-wire server, Keycloak, the SMTP server and the five packaged
 * services, on free ports with a state folder of its own), started once for every test class that uses this extension
 * and stopped after the last. Where redis-server is installed it is the stack {@code ./visaport up --replicas 2} starts,
 * two instances of every service and of the gateway sharing their counters in Redis: the stories run on it as on one
 * instance each, and {@link ReplicasIT}, last, checks what replicas must not change on the same stack. One start of two
 * minutes on two cores instead of two starts, of two minutes and one.
 */
final class RunningStack implements BeforeAllCallback {

    static final Path PROJECT = Path.of(System.getProperty("visaport.project.directory", "..")).toAbsolutePath().normalize();

    private static Parts parts;

    /** What the tests reach the stack through. */
    record Parts(Path home, StackSettings settings, LocalStack stack, Demo demo) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            if (stack == null) {
                return;
            }
            stack.stop();
            Folders.deleteTree(home.resolve("data"));
        }
    }

    static Parts parts() {
        if (parts == null) {
            throw new IllegalStateException("the stack is started by @ExtendWith(RunningStack.class)");
        }
        return parts;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        for (ServiceSpec service : ServiceSpec.ALL) {
            assumeTrue(Files.isRegularFile(service.jar(PROJECT)),
                    "end-to-end test skipped: " + service.jar(PROJECT) + " is not built (run ./mvnw verify from the project root)");
        }
        BuildArtifacts artifacts = BuildArtifacts.load();
        assumeTrue(Files.isRegularFile(artifacts.keycloakZip()) && Files.isRegularFile(artifacts.greenmailJar()),
                "end-to-end test skipped: the Keycloak distribution or GreenMail was not downloaded by the build");
        synchronized (RunningStack.class) {
            if (parts == null && Boolean.getBoolean("visaport.e2e.running-stack")) {
                // A developer's own `./visaport up`, reused as it is (BrowserStoryIT in seconds instead of minutes); the
                // tests that stop a part of the stack skip themselves.
                StackSettings settings = StackSettings.fromEnvironment(PROJECT, System.getenv());
                parts = new Parts(null, settings, null, new Demo(settings, System.out));
            }
            if (parts == null) {
                parts = start();
                // Closed by JUnit once every test class has run, whichever started it.
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(RunningStack.class, (AutoCloseable) () -> {
                    Parts started = parts;
                    parts = null;
                    started.close();
                });
            }
        }
    }

    private static Parts start() throws IOException, InterruptedException {
        // Under target/, so its logs stay to be read after a failure; `./mvnw clean` removes them.
        Path home = Files.createDirectories(Path.of("target")).toAbsolutePath().resolve("e2e-stack");
        Folders.deleteTree(home);
        // -Dvisaport.e2e.replicas=1 starts one instance each, quicker when only the stories are run (ReplicasIT skips).
        int replicas = RedisServer.executable().isPresent() ? Integer.getInteger("visaport.e2e.replicas", 2) : 1;
        Map<String, String> environment = new HashMap<>(Map.of("VISAPORT_HOME", home.toString(), "VISAPORT_REPLICAS", Integer.toString(replicas)));
        freePorts(replicas).forEach((name, port) -> environment.put(StackSettings.portVariable(name), Integer.toString(port)));
        StackSettings settings = StackSettings.fromEnvironment(PROJECT, environment);
        // A setting by its property name, above each service's own: the webhook receiver of WholeStoryIT listens on
        // loopback, where notification-service delivers only when told.
        LocalStack stack = new LocalStack(settings, System.out, Map.of("SPRING_APPLICATION_JSON", """
                {"visaport.notifications.webhooks.allowed-private-networks": "127.0.0.1/32"}""")).shortLived();
        // Should the test JVM be ended before JUnit closes the stack (a build killed), its child processes go with it.
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "e2e-stack-stop"));
        stack.start();
        return new Parts(home, settings, stack, new Demo(settings, System.out));
    }

    private static Map<String, Integer> freePorts(int replicas) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String name : StackSettings.portNames(replicas)) {
            int port;
            do {
                port = Ports.findFree();
            } while (ports.containsValue(port));
            ports.put(name, port);
        }
        return ports;
    }
}
