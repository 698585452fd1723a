package org.visaport.deploy;

import java.nio.file.Path;

/** The JDK the stack runs on, which also runs the services and the broker. */
public final class JavaRuntime {

    static final int REQUIRED_FEATURE_VERSION = 21;
    /** Logging of this program and of the JVMs it runs from its own classpath. */
    static final String LOGBACK_CONFIGURATION = "visaport-deploy-logback.xml";

    private JavaRuntime() {
    }

    public static Path javaExecutable() {
        int feature = Runtime.version().feature();
        if (feature < REQUIRED_FEATURE_VERSION) {
            throw new StackException("Java " + REQUIRED_FEATURE_VERSION + "+ is required, this is Java " + feature
                    + " (" + System.getProperty("java.home") + ")");
        }
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The classpath of this program: the broker and the mail server run from the same resolved jars. */
    public static String ownClasspath() {
        // Absolute, since the children run in other working directories (java -jar gives a relative path).
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }
}
