package org.visaport.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The JDK's ahead-of-time cache (JEP 483/514/515) for the services: classes read, linked and profiled once, in a
 * training run, and mapped at every later start. Each cache sits in a folder named by the SHA-256 of the jar it was
 * made from and of the JDK that made it. The JDK here (Temurin 25.0.3, JDK-8377932) would otherwise run a cache made
 * from an older jar without a word, with the old classes; a changed jar gets a folder, extraction and training run of
 * its own, and the folders of older jars of the same service are removed.
 *
 * <p>A Spring Boot jar is extracted first ({@code -Djarmode=tools extract}), as the cache works only with classes on
 * a plain class path; its training run ends once the application context has refreshed
 * ({@code spring.context.exit=onRefresh}), before anything is served or consumed. Below Java 25, or when the training
 * run fails, the service runs from its jar as before: the cache only ever makes a start faster.
 */
public final class AotCaches {

    static final int FIRST_FEATURE_VERSION = 25;
    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(10);

    private final Path root;
    private final Path javaExecutable;
    private final Path logs;

    /**
     * What to run: the command line, whether it uses a cache (false also when the cache could not be made), and how
     * long making it took on this start ({@link Duration#ZERO} when it was there already).
     */
    public record Launch(List<String> command, boolean cached, Duration madeIn) {

        public boolean madeNow() {
            return !madeIn.isZero();
        }
    }

    public AotCaches(Path root, Path javaExecutable, Path logs) {
        this.root = root;
        this.javaExecutable = javaExecutable;
        this.logs = logs;
    }

    /** Whether this JDK has {@code -XX:AOTCacheOutput}. */
    public static boolean supported() {
        return Runtime.version().feature() >= FIRST_FEATURE_VERSION;
    }

    /**
     * The command that runs {@code jar} with {@code jvmOptions}, with its cache: made now (extraction and a training run
     * with {@code trainingEnvironment}) when this jar and JDK have none yet.
     */
    public Launch prepare(String name, Path jar, List<String> jvmOptions, Map<String, String> trainingEnvironment) {
        long started = System.nanoTime();
        if (!supported()) {
            return new Launch(command(jvmOptions, List.of(), jar), false, Duration.ZERO);
        }
        try {
            Path folder = root.resolve(name + "-" + rememberedKey(name, List.of(jar), jvmOptions));
            Path cache = folder.resolve("app.aot");
            boolean made = !Files.isRegularFile(cache);
            Path runnable = extracted(name, jar, folder);
            if (made) {
                train(name, runnable, jvmOptions, trainingEnvironment, cache);
            }
            removeOlderCaches(name, folder);
            return new Launch(command(jvmOptions, List.of("-XX:AOTCache=" + cache), runnable), true,
                    made ? Duration.ofNanos(System.nanoTime() - started) : Duration.ZERO);
        } catch (IOException | StackException e) {
            // No cache is no harm: the service starts as it always did, just slower.
            return new Launch(command(jvmOptions, List.of(), jar), false, Duration.ZERO);
        }
    }

    /**
     * The files' key, hashed once per version of the files: the SHA-256 of five service jars (350 MB) costs seconds of
     * CPU at every start otherwise, while the services compete for it. A file counts as the same while its name, size
     * and modification time are: every build writes a new jar, and each stack runs a copy in its own data folder that
     * keeps the built jar's time, so the folder is left out, or every stack in another folder (a first start on an
     * empty one, a switch between folders) would hash all the jars again.
     */
    String rememberedKey(String name, List<Path> madeFrom, List<String> jvmOptions) throws IOException {
        Files.createDirectories(root);
        Path memo = root.resolve(name + ".key");
        StringBuilder files = new StringBuilder();
        for (Path file : madeFrom) {
            files.append(file.getFileName()).append(' ').append(Files.size(file)).append(' ')
                    .append(Files.getLastModifiedTime(file).to(java.util.concurrent.TimeUnit.NANOSECONDS)).append(' ');
        }
        String file = files + String.join(" ", jvmOptions) + " " + Runtime.version() + " " + System.getProperty("java.home");
        if (Files.isRegularFile(memo)) {
            List<String> remembered = Files.readAllLines(memo);
            if (remembered.size() == 2 && remembered.get(0).equals(file)) {
                return remembered.get(1);
            }
        }
        String key = key(madeFrom, jvmOptions);
        Path partial = Files.createTempFile(root, name, ".key");
        Files.write(partial, List.of(file, key));
        Files.move(partial, memo, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return key;
    }

    /**
     * A cache for a program that the caller trains itself, because nothing tells it to exit once started (Keycloak,
     * started by its own script; the Kafka broker): while {@link Recording#records()}, the caller runs it once with
     * {@link Recording#options()}, stops it, and reports {@link Recording#ended}; later runs map the cache. It is keyed
     * like the others, by the files the program runs from and its JVM options.
     */
    public Recording recording(String name, List<Path> madeFrom, List<String> jvmOptions) {
        if (!supported()) {
            return Recording.NONE;
        }
        Path folder;
        try {
            folder = root.resolve(name + "-" + rememberedKey(name, madeFrom, jvmOptions));
        } catch (IOException e) {
            return Recording.NONE;
        }
        Path cache = folder.resolve("app.aot");
        try {
            Files.createDirectories(folder);
            removeOlderCaches(name, folder);
        } catch (IOException e) {
            return Recording.NONE;
        }
        if (Files.isRegularFile(cache)) {
            return new Recording(List.of("-XX:AOTCache=" + cache), null, cache);
        }
        Path partial = cache.resolveSibling("app.aot." + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".partial");
        return new Recording(List.of("-XX:AOTCacheOutput=" + partial), partial, cache);
    }

    /** As {@link #recording(String, List, List)} on {@code caches}, or no cache where there are none to keep (null). */
    public static Recording recording(AotCaches caches, String name, List<Path> madeFrom, List<String> jvmOptions) {
        return caches == null ? Recording.NONE : caches.recording(name, madeFrom, jvmOptions);
    }

    /**
     * The options that map the cache {@code recording} finds, recording it first when there is none yet: {@code launch}
     * starts the program with the options it is given, {@code awaitReady} returns once that run is ready, and the run is
     * then stopped (within {@code stopGrace}), which makes its JVM write the cache. A recording that fails leaves
     * nothing to map: the run after it goes without a cache rather than record again.
     */
    public static List<String> recordedOnce(Supplier<Recording> recording, Function<List<String>, ManagedProcess> launch,
            Consumer<ManagedProcess> awaitReady, Duration stopGrace) {
        Recording cache = recording.get();
        if (cache.records()) {
            cache.ended(ManagedProcess.readyThenStopped(launch.apply(cache.options()), awaitReady, stopGrace));
            cache = recording.get();
        }
        return cache.mapping();
    }

    /** The JVM options of one run, and where a recording run's cache goes once that run has ended. */
    public record Recording(List<String> options, Path partial, Path cache) {

        /** No cache: the program runs as it would without one. */
        public static final Recording NONE = new Recording(List.of(), null, null);

        public boolean records() {
            return partial != null;
        }

        /** The options that map a cache made earlier: none while there is only a recording to make. */
        public List<String> mapping() {
            return records() ? List.of() : options();
        }

        /**
         * Keeps what a recording run wrote, once it has ended; a run that had to be killed (perhaps while writing the
         * cache) or wrote nothing leaves no cache.
         */
        public void ended(boolean stoppedCleanly) {
            if (partial == null) {
                return;
            }
            try {
                if (stoppedCleanly && Files.isRegularFile(partial) && Files.size(partial) > 0) {
                    Files.move(partial, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.deleteIfExists(partial);
                Files.deleteIfExists(Path.of(partial + ".config"));
            } catch (IOException e) {
                // Without a cache the next run records again: slower, never wrong.
            }
        }
    }

    private List<String> command(List<String> jvmOptions, List<String> cacheOptions, Path jar) {
        return javaCommand(javaExecutable, jvmOptions, cacheOptions, jar);
    }

    /** {@code java} running {@code jar} with these options, the cache's ({@code -XX:AOTCache}) last: none when empty. */
    public static List<String> javaCommand(Path javaExecutable, List<String> jvmOptions, List<String> cacheOptions, Path jar) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.addAll(jvmOptions);
        command.addAll(cacheOptions);
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    /** The jar to run: the extracted Spring Boot application, or the jar itself when it is a plain one. */
    private Path extracted(String name, Path jar, Path folder) throws IOException {
        if (!isSpringBootJar(jar)) {
            Path copy = folder.resolve(jar.getFileName());
            if (!Files.isRegularFile(copy)) {
                Files.createDirectories(folder);
                Path partial = Files.createTempFile(folder, "copy", ".jar");
                Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
            }
            return copy;
        }
        Path application = folder.resolve("application");
        Path runnable = application.resolve(jar.getFileName());
        if (Files.isRegularFile(runnable)) {
            return runnable;
        }
        Files.createDirectories(folder);
        Path partial = Files.createTempDirectory(folder, "extracting");
        ManagedProcess.start(name + " extraction", List.of(javaExecutable.toString(), "-Djarmode=tools", "-jar", jar.toString(),
                        "extract", "--destination", partial.resolve("application").toString()), Map.of(), folder,
                logs.resolve(name + "-aot.log")).awaitSuccess(Duration.ofMinutes(2));
        // The folder appears whole or not at all, so an interrupted extraction is never taken for a finished one.
        Files.move(partial.resolve("application"), application, StandardCopyOption.ATOMIC_MOVE);
        Folders.deleteTree(partial);
        return runnable;
    }

    private void train(String name, Path runnable, List<String> jvmOptions, Map<String, String> environment, Path cache)
            throws IOException {
        // Two stacks may train the same jar at once: each writes its own file, the first to finish wins.
        Path partial = cache.resolveSibling("app.aot." + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".partial");
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.addAll(jvmOptions);
        command.add("-XX:AOTCacheOutput=" + partial);
        command.add("-Dspring.context.exit=onRefresh");
        command.add("-jar");
        command.add(runnable.toString());
        ManagedProcess.start(name + " training run", command, environment, runnable.getParent(), logs.resolve(name + "-aot.log"))
                .awaitSuccess(TRAINING_TIMEOUT);
        if (!Files.isRegularFile(partial)) {
            throw new StackException(name + ": the training run wrote no AOT cache; see " + logs.resolve(name + "-aot.log"));
        }
        Files.move(partial, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void removeOlderCaches(String name, Path current) throws IOException {
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(f -> f.getFileName().toString().startsWith(name + "-") && !f.equals(current)
                    && f.getFileName().toString().substring(name.length() + 1).matches("[0-9a-f]{24}")).toList()) {
                Folders.deleteTree(folder);
            }
        }
    }

    /**
     * The files of a class path, with those that its jars' manifests add ({@code Class-Path}): a cache made from them
     * holds classes from every one.
     */
    public static List<Path> classPathFiles(String classPath) {
        List<Path> files = new ArrayList<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path file = Path.of(entry).toAbsolutePath();
            files.add(file);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try (JarFile jar = new JarFile(file.toFile())) {
                String manifestPath = jar.getManifest() == null ? null
                        : jar.getManifest().getMainAttributes().getValue("Class-Path");
                if (manifestPath != null) {
                    for (String relative : manifestPath.trim().split("\\s+")) {
                        files.add(file.resolveSibling(relative));
                    }
                }
            } catch (IOException e) {
                throw new StackException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return files;
    }

    /**
     * The content of the files a program runs from, the JDK that runs it and its JVM options: a cache is valid for
     * exactly this combination (the JVM refuses a cache made with another collector or object layout, and this JDK
     * would run one made from older classes). Keycloak's seeds are keyed the same way, by their realm files and settings.
     */
    static String key(List<Path> madeFrom, List<String> settings) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((Runtime.version() + "|" + System.getProperty("java.home") + "|" + String.join(" ", settings) + "|")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] buffer = new byte[1 << 16];
            for (Path file : madeFrom) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (int read; (read = in.read(buffer)) > 0; ) {
                        digest.update(buffer, 0, read);
                    }
                } catch (IOException e) {
                    throw new StackException("cannot read " + file + ": " + e.getMessage(), e);
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isSpringBootJar(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().anyMatch(entry -> entry.getName().startsWith("BOOT-INF/"));
        }
    }
}
