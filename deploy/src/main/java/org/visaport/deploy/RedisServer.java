package org.visaport.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Debian's redis-server, for a stack of several gateway instances: they share rate limits and browser sessions in it.
 * Nothing in it outlives the stack (no snapshot, no append-only file): sessions and counters are short-lived anyway.
 */
public final class RedisServer implements AutoCloseable {

    private final ManagedProcess process;

    private RedisServer(ManagedProcess process) {
        this.process = process;
    }

    public static RedisServer start(Path workDirectory, Path logDirectory, int port) {
        Path executable = executable().orElseThrow(() -> new StackException(
                "several replicas share the gateway's rate limits and sessions in Redis, and no redis-server was found"
                        + " (Debian: apt-get install redis-server)"));
        ManagedProcess process = ManagedProcess.start("redis", List.of(executable.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"), Map.of(), workDirectory, logDirectory.resolve("redis.log"));
        try {
            Readiness.await("redis", () -> Readiness.portOpen("127.0.0.1", port), process, Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        return new RedisServer(process);
    }

    /** redis-server on the PATH, or where Debian puts it. */
    public static Optional<Path> executable() {
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, "redis-server"));
        return Stream.concat(onPath, Stream.of(Path.of("/usr/bin/redis-server"))).filter(Files::isExecutable).findFirst();
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
