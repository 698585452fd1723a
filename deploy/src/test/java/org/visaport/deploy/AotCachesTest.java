package org.visaport.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AOT cache of a jar is made once, used after, and never outlives a change of the jar. */
class AotCachesTest {

    @TempDir
    Path folder;

    @Test
    void aChangedJarNeverRunsWithTheCacheOfTheOldOne() throws Exception {
        AotCaches caches = cachesOfThisJdk();
        Path jar = folder.resolve("greeting.jar");

        writeJar(jar, "version one");
        AotCaches.Launch first = caches.prepare("greeting", jar, List.of(), Map.of());
        assertThat(first.cached()).isTrue();
        assertThat(first.madeNow()).isTrue();
        assertThat(run(first)).contains("version one");
        AotCaches.Launch reused = caches.prepare("greeting", jar, List.of(), Map.of());
        assertThat(reused.command()).as("made once, then reused").isEqualTo(first.command());
        assertThat(reused.madeNow()).isFalse();

        // The same path, new content: as after a rebuild.
        writeJar(jar, "version two");
        AotCaches.Launch second = caches.prepare("greeting", jar, List.of(), Map.of());
        assertThat(second.cached()).isTrue();
        assertThat(second.command()).isNotEqualTo(first.command());
        assertThat(run(second)).contains("version two").doesNotContain("version one");
        try (Stream<Path> kept = Files.list(folder.resolve("aot"))) {
            assertThat(kept.filter(Files::isDirectory).toList()).as("only the current jar's cache is kept").hasSize(1);
        }
    }

    @Test
    void theKeyFollowsTheJarsContentNotItsName() throws Exception {
        Path one = folder.resolve("one.jar");
        Path other = folder.resolve("other.jar");
        writeJar(one, "same");
        Files.copy(one, other);
        assertThat(AotCaches.key(List.of(one), List.of())).isEqualTo(AotCaches.key(List.of(other), List.of()));
        writeJar(other, "changed");
        assertThat(AotCaches.key(List.of(one), List.of())).isNotEqualTo(AotCaches.key(List.of(other), List.of()));
    }

    @Test
    void aCopyOfTheJarInAnotherDataFolderIsNotReadAgain() throws Exception {
        AotCaches caches = new AotCaches(folder.resolve("aot"), Path.of("java"), folder);
        Path built = folder.resolve("one").resolve("greeting.jar");
        Files.createDirectories(built.getParent());
        writeJar(built, "built once");
        String key = caches.rememberedKey("greeting", List.of(built), List.of());

        // Each stack runs a copy with the built jar's time; hashing it again would cost every new stack seconds.
        Path copy = Files.createDirectories(folder.resolve("other-stack")).resolve("greeting.jar");
        Files.copy(built, copy, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        var time = Files.getLastModifiedTime(copy);
        try (var file = new java.io.RandomAccessFile(copy.toFile(), "rw")) {
            file.seek(file.length() - 1);
            int last = file.read();
            file.seek(file.length() - 1);
            file.write(last ^ 1);
        }
        Files.setLastModifiedTime(copy, time);

        assertThat(caches.rememberedKey("greeting", List.of(copy), List.of()))
                .as("known by its name, size and time, wherever it lies, so not hashed again").isEqualTo(key);
        Files.setLastModifiedTime(copy, java.nio.file.attribute.FileTime.fromMillis(time.toMillis() + 5_000));
        assertThat(caches.rememberedKey("greeting", List.of(copy), List.of())).as("another time: hashed").isNotEqualTo(key);
    }

    @Test
    void otherJvmOptionsGetACacheOfTheirOwn() throws Exception {
        // A cache made with one collector or object layout is refused by a JVM started with another.
        Path jar = folder.resolve("one.jar");
        writeJar(jar, "same");
        assertThat(AotCaches.key(List.of(jar), List.of("-XX:+UseSerialGC")))
                .isNotEqualTo(AotCaches.key(List.of(jar), List.of("-XX:+UseG1GC")));
    }

    @Test
    void aRecordingRunLeavesTheCacheForTheNextRunWhenItEnds() throws Exception {
        AotCaches caches = cachesOfThisJdk();
        Path jar = folder.resolve("greeting.jar");
        writeJar(jar, "served");

        AotCaches.Recording first = caches.recording("greeting", List.of(jar), List.of());
        assertThat(first.records()).isTrue();
        Process recording = new ProcessBuilder(javaWith(first.options(), jar)).redirectErrorStream(true).start();
        assertThat(recording.waitFor(60, TimeUnit.SECONDS)).isTrue();
        first.ended(recording.exitValue() == 0);

        AotCaches.Recording next = caches.recording("greeting", List.of(jar), List.of());
        assertThat(next.records()).as("the cache is there now").isFalse();
        List<String> command = javaWith(next.options(), jar);
        command.add(1, "-XX:AOTMode=on");
        Process cached = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(cached.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(cached.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("served");
        assertThat(cached.exitValue()).isZero();
    }

    @Test
    void aProgramIsRecordedOnceByARunStoppedWhenReadyAndMappedByEveryRunAfter() throws Exception {
        AotCaches caches = cachesOfThisJdk();
        Path jar = folder.resolve("greeting.jar");
        writeJar(jar, "served");
        AtomicInteger runs = new AtomicInteger();
        Function<List<String>, ManagedProcess> launch = options -> {
            runs.incrementAndGet();
            return ManagedProcess.start("greeting", javaWith(options, jar), Map.of(), folder, folder.resolve("greeting.log"));
        };

        List<String> first = AotCaches.recordedOnce(() -> caches.recording("greeting", List.of(jar), List.of()), launch,
                run -> run.awaitSuccess(Duration.ofSeconds(60)), Duration.ofSeconds(30));
        List<String> second = AotCaches.recordedOnce(() -> caches.recording("greeting", List.of(jar), List.of()), launch,
                run -> run.awaitSuccess(Duration.ofSeconds(60)), Duration.ofSeconds(30));

        assertThat(runs).as("one recording run, none after").hasValue(1);
        assertThat(first).singleElement().asString().startsWith("-XX:AOTCache=");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aRecordingRunThatNeverGetsReadyLeavesNothingToMap() throws Exception {
        Path jar = folder.resolve("greeting.jar");
        writeJar(jar, "served");
        AotCaches caches = new AotCaches(folder.resolve("aot"), Path.of("java"), folder);
        assumeTrue(caches.recording("greeting", List.of(jar), List.of()).records(), "AOT caches need Java "
                + AotCaches.FIRST_FEATURE_VERSION + "+");

        List<String> options = AotCaches.recordedOnce(() -> caches.recording("greeting", List.of(jar), List.of()),
                recording -> ManagedProcess.start("greeting", javaWith(recording, jar), Map.of(), folder, folder.resolve("greeting.log")),
                run -> {
                    throw new StackException("never ready");
                }, Duration.ofSeconds(30));

        assertThat(options).isEmpty();
        assertThat(caches.recording("greeting", List.of(jar), List.of()).records()).as("recorded again next time").isTrue();
    }

    @Test
    void aKilledRecordingRunLeavesNoCache() throws Exception {
        Path jar = folder.resolve("greeting.jar");
        AotCaches caches = new AotCaches(folder.resolve("aot"), Path.of("java"), folder);
        AotCaches.Recording first = firstRecording(caches, jar, "half a cache");

        first.ended(false);

        assertThat(first.cache()).doesNotExist();
        assertThat(first.partial()).doesNotExist();
        assertThat(caches.recording("greeting", List.of(jar), List.of()).records()).isTrue();
    }

    @Test
    void aRecordedProgramWhoseFilesChangedRecordsAgain() throws Exception {
        AotCaches caches = new AotCaches(folder.resolve("aot"), Path.of("java"), folder);
        Path jar = folder.resolve("greeting.jar");
        Path firstCache = recordedOnce(caches, jar);

        writeJar(jar, "served, changed");
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));

        AotCaches.Recording again = caches.recording("greeting", List.of(jar), List.of());
        assertThat(again.records()).isTrue();
        assertThat(again.cache()).isNotEqualTo(firstCache);
        assertThat(firstCache).as("the old program's cache is removed").doesNotExist();
    }

    @Test
    void aClassPathHoldsTheJarsItsJarsManifestsName() throws IOException {
        Path jar = folder.resolve("launcher.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, "lib/kafka.jar lib/kafka-clients.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("empty"));
            out.closeEntry();
        }
        Path classes = folder.resolve("classes");

        assertThat(AotCaches.classPathFiles(jar + java.io.File.pathSeparator + classes)).containsExactly(
                jar, folder.resolve("lib/kafka.jar"), folder.resolve("lib/kafka-clients.jar"), classes);
    }

    private Path recordedOnce(AotCaches caches, Path jar) throws IOException {
        AotCaches.Recording first = firstRecording(caches, jar, "a cache");
        first.ended(true);
        assertThat(caches.recording("greeting", List.of(jar), List.of()).records()).as("recorded once").isFalse();
        return first.cache();
    }

    /**
     * What the {@code visaport} script relies on for the launcher's class-data archive
     * ({@code -XX:+AutoCreateSharedArchive}): the first run writes it as it ends, the next maps it, and a rebuilt jar
     * runs its own classes instead of the archived ones. The JVM knows the jar by its size and time, as a build leaves
     * them; it does not write the archive again, which is why the script drops an archive older than the jars.
     */
    @Test
    void theLaunchersClassArchiveIsRefusedOnceItsJarIsRebuilt() throws Exception {
        Path jar = folder.resolve("greeting.jar");
        Path archive = folder.resolve("launcher.jsa");
        writeJar(jar, "version one");
        assertThat(runWithArchive(jar, archive)).contains("version one");
        assertThat(archive).as("written as the first run ended").isNotEmptyFile();
        assertThat(runWithArchive(jar, archive)).contains("version one").contains("Mapped dynamic region");

        writeJar(jar, "version two");
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.from(java.time.Instant.now().plusSeconds(5)));
        assertThat(runWithArchive(jar, archive)).contains("version two").doesNotContain("version one")
                .contains("shared class paths mismatch");
    }

    private static String runWithArchive(Path jar, Path archive) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(javaWith(List.of("-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + archive, "-Xlog:cds"), jar)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** Caches made by this test's own JDK; the test is skipped where that JDK has none. */
    private AotCaches cachesOfThisJdk() {
        assumeTrue(AotCaches.supported(), "AOT caches need Java " + AotCaches.FIRST_FEATURE_VERSION + "+");
        return new AotCaches(folder.resolve("aot"), Path.of(System.getProperty("java.home"), "bin", "java"), folder);
    }

    /** The first recording of a new greeting jar, its run having written {@code written} as the cache. */
    private AotCaches.Recording firstRecording(AotCaches caches, Path jar, String written) throws IOException {
        writeJar(jar, "served");
        AotCaches.Recording first = caches.recording("greeting", List.of(jar), List.of());
        assumeTrue(first.records(), "AOT caches need Java " + AotCaches.FIRST_FEATURE_VERSION + "+");
        Files.writeString(first.partial(), written);
        return first;
    }

    private static List<String> javaWith(List<String> options, Path jar) {
        return new java.util.ArrayList<>(AotCaches.javaCommand(Path.of(System.getProperty("java.home"), "bin", "java"), List.of(),
                options, jar));
    }

    /** Runs the launch with -XX:AOTMode=on, so a cache that cannot be used fails the run instead of being skipped. */
    private static String run(AotCaches.Launch launch) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(launch.command());
        command.add(1, "-XX:AOTMode=on");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** A jar whose main class prints {@code greeting}, compiled here. */
    private void writeJar(Path jar, String greeting) throws IOException {
        Path sources = Files.createTempDirectory(folder, "src");
        Path source = sources.resolve("Greeting.java");
        Files.writeString(source, """
                public class Greeting {
                    public static void main(String[] args) {
                        System.out.println("%s");
                    }
                }
                """.formatted(greeting));
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", sources.toString(), source.toString())).isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Greeting");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            JarEntry entry = new JarEntry("Greeting.class");
            entry.setTime(0);
            out.putNextEntry(entry);
            out.write(Files.readAllBytes(sources.resolve("Greeting.class")));
            out.closeEntry();
        }
    }
}
