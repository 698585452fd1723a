package org.visaport.deploy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Keycloak data folders as they are right after the realm import, made once and copied into every new data folder. A
 * new Keycloak otherwise creates its database schema and imports the realm itself, some 15 s after it has started, at
 * every test JVM's Keycloak and every new local stack.
 *
 * <p>A seed is named by a key that covers whatever shaped its content (the realm file, the distribution, the bootstrap
 * administrator). It is made by a run of its own on a staging folder, which counts only if that run stopped cleanly,
 * its database closed. Test JVMs of several modules and the local stack may seed at the same moment, so making and
 * copying happen under a file lock. Only the newest seed is kept.
 */
final class KeycloakSeeds {

    private KeycloakSeeds() {
    }

    /**
     * Fills {@code data} from the seed named {@code key} (asked only then) in {@code seeds} when {@code data} is new (missing or empty),
     * making the seed first where there is none: {@code makeSeed} is given an empty folder and answers whether it left
     * a cleanly stopped data folder there. Returns whether {@code data} was seeded; when it was not, it is left as it
     * was and Keycloak makes its schema and imports the realm on its own.
     */
    static synchronized boolean seed(Path seeds, Supplier<String> key, Path data, Predicate<Path> makeSeed) {
        try {
            // A folder with data (every warm start) needs no key: hashing the realm files would be wasted.
            if (!isNew(data)) {
                return false;
            }
            Files.createDirectories(seeds);
            try (FileChannel lock = FileChannel.open(seeds.resolve("seeds.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); var held = lock.lock()) {
                Path seed = seeds.resolve(key.get());
                if (!Files.isDirectory(seed) && !made(seed, makeSeed)) {
                    return false;
                }
                removeAllBut(seeds, seed);
                return copied(seed, data);
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isNew(Path data) throws IOException {
        if (!Files.exists(data)) {
            return true;
        }
        try (Stream<Path> content = Files.list(data)) {
            return content.findAny().isEmpty();
        }
    }

    private static boolean made(Path seed, Predicate<Path> makeSeed) throws IOException {
        Path staging = Files.createTempDirectory(seed.getParent(), seed.getFileName() + ".staging");
        try {
            if (!makeSeed.test(staging)) {
                return false;
            }
            Files.move(staging, seed, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } finally {
            Folders.deleteQuietly(staging);
        }
    }

    private static boolean copied(Path seed, Path data) {
        try {
            Folders.copyTree(seed, data);
            return true;
        } catch (IOException e) {
            // Half a database is worse than none: the folder goes back to empty and Keycloak imports on its own.
            Folders.deleteQuietly(data);
            try {
                Files.createDirectories(data);
            } catch (IOException ignored) {
                // Keycloak creates the folders it needs.
            }
            return false;
        }
    }

    private static void removeAllBut(Path seeds, Path kept) throws IOException {
        try (Stream<Path> folders = Files.list(seeds)) {
            for (Path folder : folders.filter(Files::isDirectory).filter(folder -> !folder.equals(kept)).toList()) {
                Folders.deleteQuietly(folder);
            }
        }
    }
}
