package org.visaport.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Starts the parts in dependency order, waits for each to be ready, and stops all of them on the way out. */
public final class LocalStack {

    private static final Duration SERVICE_READY_TIMEOUT = Duration.ofMinutes(3);

    private final StackSettings settings;
    private final PrintStream out;
    private final Map<String, String> serviceEnvironment;
    private final Deque<AutoCloseable> started = new ConcurrentLinkedDeque<>();
    private final StartSlots startSlots = StartSlots.perCore();
    /** {@code VISAPORT_AOT_CACHE=false} starts the services without their AOT caches (to compare, or to rule them out). */
    private final boolean aotCache = !"false".equalsIgnoreCase(System.getenv("VISAPORT_AOT_CACHE"));
    private boolean shortLived = false;
    /**
     * Secrets every instance of a service must share (cursors signed by one are read by another; an unsubscribe link
     * made by one is honoured by all); made anew for each stack, as a single instance would make its own.
     */
    private final Map<String, String> sharedSecrets = new java.util.concurrent.ConcurrentHashMap<>();
    private StackState state;
    private long startedAt;

    public LocalStack(StackSettings settings, PrintStream out) {
        this(settings, out, Map.of());
    }

    /**
     * A stack whose services get {@code serviceEnvironment} on top of their own settings, e.g. the end-to-end test's
     * {@code SPRING_APPLICATION_JSON} that lets webhooks reach its receiver on loopback (never allowed by default).
     */
    public LocalStack(StackSettings settings, PrintStream out, Map<String, String> serviceEnvironment) {
        this.settings = settings;
        this.out = out;
        this.serviceEnvironment = Map.copyOf(serviceEnvironment);
    }

    /**
     * A stack that starts once per build and lives for minutes (the end-to-end tests). Its services start from their
     * jars, without AOT caches, where a training run would cost more than it saves; the broker's and the mail server's
     * caches stay (each is recorded by a start stopped once ready, a few seconds where a service's training run takes
     * some 40).
     */
    public LocalStack shortLived() {
        shortLived = true;
        return this;
    }

    /** Starts everything and blocks until the JVM is asked to stop (Ctrl-C, `./visaport down`). */
    public void up() throws InterruptedException {
        long begin = System.nanoTime();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "visaport-stop"));
        start();
        out.println();
        out.printf("VisaPort is up in %d s.%n", Duration.ofNanos(System.nanoTime() - begin).toSeconds());
        printTable();
        out.println("Stop with Ctrl-C, or ./visaport down from another terminal.");
        watch();
    }

    /**
     * Starts everything and returns once every service reports ready; {@link #stop()} stops it again (the end-to-end
     * test drives a stack of its own this way). A part that fails to start leaves the others running until then.
     */
    public void start() throws InterruptedException {
        JavaRuntime.javaExecutable();
        for (ServiceSpec service : ServiceSpec.ALL) {
            BuildArtifacts.requireFile(service.jar(settings.projectDirectory()), service.module() + " jar");
        }
        StackState.read(settings.run()).filter(StackState::stackAlive).ifPresent(running -> {
            throw new StackException("VisaPort is already running (pid " + running.pid() + "); stop it with ./visaport down");
        });
        portsInUse().forEach((name, port) -> Ports.requireFree(name, port, StackSettings.portVariable(name)));
        state = StackState.create(settings.run(), ProcessHandle.current().pid());

        out.println("Starting VisaPort (logs in " + settings.logs() + ") ...");
        startedAt = System.nanoTime();
        BuildArtifacts artifacts = BuildArtifacts.load();
        try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            // The services need their database and broker to start; Keycloak and the mail server they reach only
            // when a request or an event needs them (signing keys and the issuer's metadata are read on first use),
            // so those start alongside the services rather than before them.
            List<Future<?>> storage = new ArrayList<>();
            List<Future<?>> others = new ArrayList<>();
            if (settings.externalIssuerUri().isEmpty()) {
                others.add(parallel.submit(() -> startKeycloak(artifacts)));
            }
            if (settings.externalMongoUri().isEmpty()) {
                storage.add(parallel.submit(this::startMongo));
            }
            if (settings.externalKafka().isEmpty()) {
                storage.add(parallel.submit(this::startKafka));
            }
            if (settings.replicas() > 1) {
                storage.add(parallel.submit(this::startRedis));
            }
            awaitAll(storage);
            // Parts take turns to start (StartSlots): the broker's turn comes first, as every service waits for it.
            others.add(parallel.submit(() -> startMail(artifacts)));
            ServiceSpec.ALL.forEach(service -> others.add(parallel.submit(() -> startService(service))));
            awaitAll(others);
        }
    }

    /** Says when a part became ready, counted from the start, so a slow part shows itself. */
    private void ready(String part) {
        Duration after = Duration.ofNanos(System.nanoTime() - startedAt);
        state.ready(part, after);
        out.printf("  %-22s ready after %d s%n", part, after.toSeconds());
    }

    /** Stops every instance of one service, as an outage would; {@link #restart(ServiceSpec)} brings them back. */
    public void stop(ServiceSpec service) {
        for (int instance = 1; instance <= settings.replicas(); instance++) {
            stop(service, instance);
        }
    }

    /** Stops one instance of a service, gracefully, as a rolling update would. */
    public void stop(ServiceSpec service, int instance) {
        instance(service, instance).ifPresent(process -> {
            started.remove(process);
            closeQuietly(process);
        });
    }

    /** Kills one instance of a service at once, as a crashed machine would: no graceful shutdown. */
    public void kill(ServiceSpec service, int instance) {
        instance(service, instance).ifPresent(process -> {
            started.remove(process);
            process.process().destroyForcibly();
            process.process().onExit().join();
        });
    }

    /** Starts a service stopped by {@link #stop(ServiceSpec)} again and waits until it is ready. */
    public void restart(ServiceSpec service) {
        stop(service);
        startService(service);
    }

    /** Starts one stopped or killed instance of a service again and waits until it is ready. */
    public void restart(ServiceSpec service, int instance) {
        stop(service, instance);
        startInstance(service, instance, launch(service, environment(service, 1)));
    }

    private java.util.Optional<ManagedProcess> instance(ServiceSpec service, int instance) {
        return started.stream().filter(part -> part instanceof ManagedProcess process && process.name().equals(service.name(instance)))
                .map(ManagedProcess.class::cast).findFirst();
    }

    private Map<String, Integer> portsInUse() {
        Map<String, Integer> ports = new java.util.LinkedHashMap<>(settings.ports());
        if (settings.externalMongoUri().isPresent()) {
            ports.remove("mongodb");
        }
        if (settings.externalKafka().isPresent()) {
            ports.remove("kafka");
            ports.remove("kafka-controller");
        }
        if (settings.externalIssuerUri().isPresent()) {
            ports.remove("keycloak");
            ports.remove("keycloak-management");
        }
        return ports;
    }

    private void startMongo() {
        MongoWireServer mongo = MongoWireServer.start(settings.data().resolve("mongodb"), settings.port("mongodb"));
        started.push(mongo);
        state.add(new StackState.Part("mongodb", mongo.uri(), "tcp:" + settings.port("mongodb"), ProcessHandle.current().pid()));
        ready("mongodb");
    }

    private void startKafka() {
        KafkaBroker kafka = startSlots.take("kafka", () -> KafkaBroker.start(settings.data().resolve("kafka"), settings.logs(),
                settings.port("kafka"), settings.port("kafka-controller"), settings.kafkaPartitions(),
                cachesOfPartsStoppedWhenReady()));
        started.push(kafka);
        state.add(new StackState.Part("kafka", kafka.bootstrapServers(), "tcp:" + settings.port("kafka"), kafka.process().pid()));
        ready("kafka");
    }

    private void startKeycloak(BuildArtifacts artifacts) {
        KeycloakServer keycloak = startSlots.take("keycloak", () -> KeycloakServer.start(
                KeycloakDistribution.prepare(artifacts, settings.cacheDirectory()), new KeycloakServer.Options(
                settings.port("keycloak"), settings.port("keycloak-management"), settings.data().resolve("keycloak"),
                settings.projectDirectory().resolve("deploy/keycloak"), KeycloakServer.LOCAL_ADMIN,
                KeycloakServer.LOCAL_ADMIN_PASSWORD,
                settings.logs().resolve("keycloak.log"))));
        started.push(keycloak);
        // Where the verification links go: the local mail server, readable through the mail box's web API.
        keycloak.useSmtpServer("127.0.0.1", settings.port("smtp"));
        keycloak.useVisaportLoginTheme();
        for (int instance = 1; instance <= settings.replicas(); instance++) {
            keycloak.allowBrowserSignInAt(settings.port("gateway", instance));
        }
        state.add(new StackState.Part("keycloak", keycloak.baseUri() + "/admin/", keycloak.readinessUri().toString(),
                keycloak.process().pid()));
        ready("keycloak");
    }

    private void startMail(BuildArtifacts artifacts) {
        MailServer mail = startSlots.take("mail", () -> MailServer.start(artifacts.greenmailJar(), settings.home(), settings.logs(),
                settings.port("smtp"), settings.port("mail-api"), cachesOfPartsStoppedWhenReady()));
        started.push(mail);
        state.add(new StackState.Part("mail", mail.mailboxUri().toString(), mail.readinessUri().toString(), mail.process().pid()));
        ready("mail");
    }

    private void startRedis() {
        RedisServer redis = RedisServer.start(settings.home(), settings.logs(), settings.port("redis"));
        started.push(redis);
        state.add(new StackState.Part("redis", "redis://127.0.0.1:" + settings.port("redis"), "tcp:" + settings.port("redis"),
                redis.process().pid()));
        ready("redis");
    }

    /** Starts every instance of the service side by side, from one command line (one AOT cache serves them all). */
    private void startService(ServiceSpec service) {
        List<String> command = startSlots.take(service.module(), () -> launch(service, environment(service, 1)));
        try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> instances = new ArrayList<>();
            for (int instance = 1; instance <= settings.replicas(); instance++) {
                int number = instance;
                instances.add(parallel.submit(() -> startInstance(service, number, command)));
            }
            awaitAll(instances);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while starting " + service.module(), e);
        }
    }

    private void startInstance(ServiceSpec service, int instance, List<String> command) {
        String name = service.name(instance);
        startSlots.take(name, () -> {
            ManagedProcess process = ManagedProcess.start(name, command, environment(service, instance),
                    settings.home(), settings.logs().resolve(name + ".log"));
            started.push(process);
            state.add(new StackState.Part(name, service.baseUri(settings, instance).toString(),
                    service.readinessUri(settings, instance).toString(), process.pid()));
            Readiness.await(name, () -> Readiness.httpOk(service.readinessUri(settings, instance)), process, SERVICE_READY_TIMEOUT);
            return process;
        });
        ready(name);
    }

    private Map<String, String> environment(ServiceSpec service, int instance) {
        Map<String, String> environment = service.environment(settings, instance);
        environment.put("VISAPORT_CURSOR_SECRET", sharedSecret("cursors:" + service.module()));
        if (service.module().equals("notification-service")) {
            environment.put("VISAPORT_UNSUBSCRIBE_SECRET", sharedSecret("unsubscribe"));
        }
        environment.putAll(serviceEnvironment);
        return environment;
    }

    private String sharedSecret(String purpose) {
        return sharedSecrets.computeIfAbsent(purpose, unused -> {
            byte[] secret = new byte[32];
            new java.security.SecureRandom().nextBytes(secret);
            return java.util.HexFormat.of().formatHex(secret);
        });
    }

    /**
     * The service's command line: with its AOT cache (made on the first start after a build, which takes a training
     * run) unless {@code VISAPORT_AOT_CACHE=false} or the JDK is older than 25.
     */
    private List<String> launch(ServiceSpec service, Map<String, String> environment) {
        List<String> jvmOptions = JvmOptions.service();
        Path jar = runningCopy(service);
        if (!aotCache || shortLived || !AotCaches.supported()) {
            return AotCaches.javaCommand(JavaRuntime.javaExecutable(), jvmOptions, List.of(), jar);
        }
        // The training run refreshes the application context and exits before serving: no port of its own is needed.
        Map<String, String> training = new java.util.HashMap<>(environment);
        training.put("SERVER_PORT", "0");
        training.put("GATEWAY_MANAGEMENT_PORT", "0");
        AotCaches.Launch launch = aotCaches().prepare(service.module(), jar, jvmOptions, training);
        if (!launch.cached()) {
            out.println("  " + service.module() + ": no AOT cache (see " + settings.logs().resolve(service.module() + "-aot.log") + ")");
        } else if (launch.madeNow()) {
            out.println("  " + service.module() + ": AOT cache made in " + launch.madeIn().toSeconds() + " s (once per build)");
        }
        return launch.command();
    }

    /** Where the broker and the mail server, recorded by a start stopped once ready, find their caches: none when off. */
    private AotCaches cachesOfPartsStoppedWhenReady() {
        return aotCache && AotCaches.supported() ? aotCaches() : null;
    }

    private AotCaches aotCaches() {
        return new AotCaches(settings.cacheDirectory().resolve("aot"), JavaRuntime.javaExecutable(), settings.logs());
    }

    /**
     * Runs a copy, so a build started while the stack runs cannot pull the jar from under a live service. The copy
     * keeps the built jar's time (the AOT caches know a jar by it), and is made again only when the jar changed.
     */
    private Path runningCopy(ServiceSpec service) {
        Path copy = settings.run().resolve("jars").resolve(service.module() + ".jar");
        Path built = service.jar(settings.projectDirectory());
        try {
            Files.createDirectories(copy.getParent());
            if (Files.isRegularFile(copy) && Files.size(copy) == Files.size(built)
                    && Files.getLastModifiedTime(copy).equals(Files.getLastModifiedTime(built))) {
                return copy;
            }
            Files.copy(built, copy, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new StackException("cannot copy " + service.module() + " to " + copy + ": " + e.getMessage(), e);
        }
        return copy;
    }

    private static void awaitAll(List<Future<?>> tasks) throws InterruptedException {
        for (Future<?> task : tasks) {
            try {
                task.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new StackException(e.getCause().toString(), e.getCause());
            }
        }
    }

    private void printTable() {
        out.println();
        out.printf("  %-22s %-44s %s%n", "PART", "ADDRESS", "HEALTH / DOCS");
        for (ServiceSpec service : ServiceSpec.ALL) {
            out.printf("  %-22s %-44s %s%n", service.module(), service.baseUri(settings), service.readinessUri(settings));
            for (int instance = 2; instance <= settings.replicas(); instance++) {
                out.printf("  %-22s %-44s %s%n", service.name(instance), service.baseUri(settings, instance),
                        service.readinessUri(settings, instance));
            }
            out.printf("  %-22s %-44s %s%n", "", "", service.apiDocsUri(settings));
            if (service.module().equals("gateway")) {
                out.printf("  %-22s %-44s %s%n", "", "", service.metricsUri(settings));
            }
        }
        if (settings.externalIssuerUri().isEmpty()) {
            out.printf("  %-22s %-44s %s%n", "keycloak admin console", "http://127.0.0.1:" + settings.port("keycloak") + "/admin/",
                    "admin / admin (local only)");
        }
        out.printf("  %-22s %-44s %s%n", "issuer", settings.issuerUri(), "");
        out.printf("  %-22s %-44s %s%n", "mail box (web API)", "http://127.0.0.1:" + settings.port("mail-api") + "/",
                "SMTP on 127.0.0.1:" + settings.port("smtp"));
        out.printf("  %-22s %-44s %s%n", "kafka", settings.kafkaBootstrapServers(), "");
        out.printf("  %-22s %-44s %s%n", "mongodb", settings.mongoUri().replaceAll("//[^@/]*@", "//***@"), "");
        if (settings.replicas() > 1) {
            out.printf("  %-22s %-44s %s%n", "redis", "redis://127.0.0.1:" + settings.port("redis"), "the gateways' rate limits and sessions");
        }
        out.println();
        out.println("Open VisaPort in a browser: " + webAddress(settings));
        out.println();
    }

    /** Where a person opens VisaPort: the gateway serves the web client. */
    public static String webAddress(StackSettings settings) {
        return "http://127.0.0.1:" + settings.port("gateway") + "/";
    }

    /** Keeps the stack in the foreground and says when a part dies, so nobody wonders why a URL stopped answering. */
    private void watch() throws InterruptedException {
        var reported = new java.util.HashSet<String>();
        while (true) {
            Thread.sleep(2000);
            for (AutoCloseable part : started) {
                if (part instanceof ManagedProcess process && !process.isAlive() && reported.add(process.name())) {
                    out.println("! " + process.name() + " stopped: " + process.lastLogLine() + " (log: " + process.log() + ")");
                }
            }
        }
    }

    /** Stops everything this stack started: the services first, then the infrastructure. Safe to call more than once. */
    public void stop() {
        if (started.isEmpty() && state == null) {
            return;
        }
        out.println("Stopping VisaPort ...");
        startSlots.close();
        List<Thread> stoppers = new ArrayList<>();
        // Services first (they were pushed last), together; then the infrastructure they used.
        AutoCloseable part;
        List<AutoCloseable> infrastructure = new ArrayList<>();
        while ((part = started.poll()) != null) {
            if (part instanceof ManagedProcess) {
                AutoCloseable service = part;
                stoppers.add(Thread.ofVirtual().start(() -> closeQuietly(service)));
            } else {
                infrastructure.add(part);
            }
        }
        joinAll(stoppers);
        stoppers.clear();
        for (AutoCloseable infra : infrastructure) {
            stoppers.add(Thread.ofVirtual().start(() -> closeQuietly(infra)));
        }
        joinAll(stoppers);
        if (state != null) {
            state.delete();
            state = null;
        }
        out.println("VisaPort stopped.");
    }

    private static void joinAll(List<Thread> threads) {
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void closeQuietly(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception e) {
            out.println("! while stopping: " + e.getMessage());
        }
    }

    /** Stops a stack started from another terminal: asks it to stop, then makes sure none of its parts is left. */
    public void down() {
        StackState running = StackState.read(settings.run())
                .orElseThrow(() -> new StackException("VisaPort is not running (no " + settings.run().resolve("stack.properties") + ")"));
        ProcessHandle.of(running.pid()).ifPresent(stack -> {
            out.println("Stopping VisaPort (pid " + stack.pid() + ") ...");
            ManagedProcess.stop(stack, Duration.ofSeconds(90));
        });
        for (StackState.Part part : running.parts()) {
            if (part.pid() != running.pid()) {
                ProcessHandle.of(part.pid()).filter(ProcessHandle::isAlive)
                        .ifPresent(leftover -> ManagedProcess.stop(leftover, Duration.ofSeconds(30)));
            }
        }
        running.delete();
        out.println("VisaPort stopped.");
    }

    /** Prints each part with whether it answers now; exit code 0 only when all do. */
    public boolean status() {
        var running = StackState.read(settings.run());
        if (running.isEmpty() || !running.get().stackAlive()) {
            out.println("VisaPort is not running.");
            running.ifPresent(StackState::delete);
            return false;
        }
        boolean allUp = true;
        out.printf("VisaPort is running (pid %d).%n", running.get().pid());
        out.printf("  %-22s %-8s %-8s %s%n", "PART", "STATE", "PID", "ADDRESS");
        for (StackState.Part part : running.get().parts()) {
            boolean up = answers(part.readiness());
            allUp &= up;
            out.printf("  %-22s %-8s %-8d %s%n", part.name(), up ? "UP" : "DOWN", part.pid(), part.address());
        }
        return allUp;
    }

    private static boolean answers(String readiness) {
        if (readiness.startsWith("tcp:")) {
            return Readiness.portOpen("127.0.0.1", Integer.parseInt(readiness.substring(4)));
        }
        return Readiness.httpOk(java.net.URI.create(readiness));
    }
}
