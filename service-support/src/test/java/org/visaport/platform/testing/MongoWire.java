package org.visaport.platform.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The MongoDB-wire server in memory, and a template on a fresh database of it; service-support cannot use test-support. */
public final class MongoWire implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final String uri;

    public MongoWire() {
        InetSocketAddress address = server.bind();
        uri = "mongodb://127.0.0.1:" + address.getPort() + "/test_" + UUID.randomUUID().toString().replace("-", "");
        client = MongoClients.create(uri);
    }

    /** A URI naming a database of its own, for a Spring context. */
    public String uri() {
        return uri;
    }

    public MongoTemplate freshDatabase() {
        return new MongoTemplate(client, "test_" + UUID.randomUUID().toString().replace("-", ""));
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
