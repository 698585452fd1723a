package org.visaport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoWireServerIT {

    @TempDir
    Path data;

    @Test
    void keepsWhatWasWrittenAcrossAGracefulRestart() {
        int port = Ports.findFree();
        try (MongoWireServer server = MongoWireServer.start(data, port);
             MongoClient client = MongoClients.create(server.uri())) {
            client.getDatabase("visaport_news").getCollection("articles").insertOne(new Document("_id", "a-1").append("title", "Both sides must calm down"));
        }

        try (MongoWireServer server = MongoWireServer.start(data, port);
             MongoClient client = MongoClients.create(server.uri())) {
            Document article = client.getDatabase("visaport_news").getCollection("articles").find(new Document("_id", "a-1")).first();
            assertThat(article).isNotNull();
            assertThat(article.getString("title")).isEqualTo("Both sides must calm down");
        }
    }
}
