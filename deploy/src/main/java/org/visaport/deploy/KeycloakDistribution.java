package org.visaport.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Keycloak server unpacked from the distribution Maven resolved, and built once for the options every instance
 * shares. One unpacked distribution serves the local stack and every test JVM; each instance keeps its own data.
 */
public final class KeycloakDistribution {

    /** Build-time options: a change here triggers one rebuild. */
    static final List<String> BUILD_OPTIONS = List.of("--db=dev-file", "--health-enabled=true");
    private static final String BUILD_MARKER = ".visaport-build";

    private KeycloakDistribution() {
    }

    /** Returns the home of a ready-to-start distribution, unpacking and building it first where needed. */
    public static synchronized Path prepare(BuildArtifacts artifacts, Path cacheDirectory) {
        Path zip = BuildArtifacts.requireFile(artifacts.keycloakZip(), "Keycloak distribution " + artifacts.keycloakVersion());
        Path home = cacheDirectory.resolve("keycloak-" + artifacts.keycloakVersion());
        try {
            Files.createDirectories(cacheDirectory);
            // Test JVMs of several modules and the local stack may prepare at the same moment.
            try (FileChannel channel = FileChannel.open(cacheDirectory.resolve("keycloak.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
                    unpack(zip, home);
                }
                String wanted = String.join(" ", BUILD_OPTIONS);
                Path marker = home.resolve(BUILD_MARKER);
                if (!Files.exists(marker) || !Files.readString(marker).equals(wanted)) {
                    build(home, cacheDirectory);
                    Files.writeString(marker, wanted);
                }
            }
        } catch (IOException e) {
            throw new StackException("cannot prepare Keycloak in " + home + ": " + e.getMessage(), e);
        }
        return home;
    }

    private static void unpack(Path zip, Path home) throws IOException {
        Path staging = Files.createTempDirectory(home.getParent(), home.getFileName() + ".unpacking");
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(archive.entries())) {
                // The archive holds one top-level folder, keycloak-<version>/.
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path target = staging.resolve(name.substring(slash + 1)).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("entry outside the distribution: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = archive.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (name.endsWith(".sh")) {
                    target.toFile().setExecutable(true);
                }
            }
            Folders.deleteTree(home);
            Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Folders.deleteTree(staging);
        }
    }

    private static void build(Path home, Path cacheDirectory) {
        var command = new java.util.ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(BUILD_OPTIONS);
        ManagedProcess build = ManagedProcess.start("keycloak-build", command, javaEnvironment(), home,
                cacheDirectory.resolve("keycloak-build.log"));
        build.awaitSuccess(Duration.ofMinutes(5));
    }

    /** kc.sh picks its JVM from JAVA_HOME: give it the one this program runs on. */
    static Map<String, String> javaEnvironment() {
        return Map.of("JAVA_HOME", JavaRuntime.javaExecutable().getParent().getParent().toString());
    }
}
