package org.visaport.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Programs the build resolved into the local Maven repository and the stack runs as they are. */
public record BuildArtifacts(String keycloakVersion, Path keycloakZip, Path greenmailJar) {

    public static BuildArtifacts load() {
        Properties properties = new Properties();
        try (InputStream in = BuildArtifacts.class.getResourceAsStream("/visaport-deploy.properties")) {
            if (in == null) {
                throw new StackException("visaport-deploy.properties missing from the classpath; rebuild with ./mvnw package");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new StackException("cannot read visaport-deploy.properties: " + e.getMessage(), e);
        }
        return new BuildArtifacts(properties.getProperty("keycloak.version"),
                Path.of(properties.getProperty("keycloak.dist.zip")),
                Path.of(properties.getProperty("greenmail.jar")));
    }

    static Path requireFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new StackException(what + " not found at " + file + "; the download failed or the build did not run: ./mvnw -DskipTests package");
        }
        return file;
    }
}
