package org.visaport.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Whole folders: removed or copied with everything in them. */
public final class Folders {

    private Folders() {
    }

    /** Removes the folder and everything in it; a folder that does not exist is no error. */
    public static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** {@link #deleteTree}, for clean-up paths where a folder left behind is harmless. */
    public static void deleteQuietly(Path folder) {
        try {
            deleteTree(folder);
        } catch (IOException leftBehind) {
            // Harmless: a temporary folder that outlives its use.
        }
    }

    /** Copies every file and folder in {@code from} into {@code to}, which is created where missing. */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
