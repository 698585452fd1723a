package org.visaport.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the checkout's root from a module's working directory, where Maven runs each module's tests. */
public final class ProjectLayout {

    private ProjectLayout() {
    }

    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("deploy/keycloak/visaport-realm.json"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("not inside the VisaPort checkout: " + Path.of("").toAbsolutePath());
    }

    public static Path realmDirectory() {
        return root().resolve("deploy/keycloak");
    }
}
