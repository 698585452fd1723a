package org.visaport.deploy;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The MongoDB-wire server for the local stack, persisted in an H2 file so data survives restarts.
 * Runs inside the stack's own JVM; the services know nothing of it but its URI.
 */
public final class MongoWireServer implements AutoCloseable {

    private final MongoServer server;
    private final int port;

    private MongoWireServer(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static MongoWireServer start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new StackException("cannot create " + dataDirectory + ": " + e.getMessage(), e);
        }
        MongoServer server = new MongoServer(new H2Backend(dataDirectory.resolve("mongo.mv").toString()));
        try {
            server.bind("127.0.0.1", port);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw new StackException("cannot start the MongoDB-wire server on port " + port + ": " + e.getMessage(), e);
        }
        return new MongoWireServer(server, port);
    }

    public String uri() {
        return "mongodb://127.0.0.1:" + port;
    }

    /** Graceful: the H2 backend flushes its last writes only on an orderly shutdown. */
    @Override
    public void close() {
        server.shutdown();
    }
}
