package org.visaport.deploy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** GreenMail standalone: an SMTP server that keeps what it receives, with a web API to read the mail boxes. */
public final class MailServer implements AutoCloseable {

    /** Stopping the recording run includes writing its AOT cache: a second or two alone. */
    private static final Duration TRAINING_STOP = Duration.ofSeconds(60);

    private final ManagedProcess process;
    private final int apiPort;

    private MailServer(ManagedProcess process, int apiPort) {
        this.process = process;
        this.apiPort = apiPort;
    }

    public static MailServer start(Path greenmailJar, Path workDirectory, Path logDirectory, int smtpPort, int apiPort) {
        return start(greenmailJar, workDirectory, logDirectory, smtpPort, apiPort, null);
    }

    /**
     * As {@link #start(Path, Path, Path, int, int)}, mapping GreenMail's AOT cache from {@code aotCaches} (none when
     * null). Like the broker's, it is recorded once, by a start that is stopped once the server is ready; alone, a start
     * then takes 1.0–1.1 CPU-seconds instead of 2.0–2.4, on the cores the services are starting on.
     */
    public static MailServer start(Path greenmailJar, Path workDirectory, Path logDirectory, int smtpPort, int apiPort,
            AotCaches aotCaches) {
        BuildArtifacts.requireFile(greenmailJar, "GreenMail standalone");
        List<String> cacheOptions = AotCaches.recordedOnce(
                () -> AotCaches.recording(aotCaches, "mail", List.of(greenmailJar), JvmOptions.mail()),
                recording -> launch(greenmailJar, smtpPort, apiPort, recording, "mail training run", workDirectory,
                        logDirectory.resolve("mail-aot.log")),
                training -> awaitReady(training, apiPort), TRAINING_STOP);
        ManagedProcess process = launch(greenmailJar, smtpPort, apiPort, cacheOptions, "mail", workDirectory,
                logDirectory.resolve("mail.log"));
        MailServer server = new MailServer(process, apiPort);
        try {
            awaitReady(process, apiPort);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static ManagedProcess launch(Path greenmailJar, int smtpPort, int apiPort, List<String> cacheOptions,
            String name, Path workDirectory, Path log) {
        List<String> command = new java.util.ArrayList<>(List.of(JavaRuntime.javaExecutable().toString()));
        command.addAll(JvmOptions.mail());
        command.addAll(cacheOptions);
        command.addAll(List.of(
                "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + smtpPort,
                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + apiPort,
                // Any sender and recipient is accepted: the point is to catch every mail the services send.
                "-Dgreenmail.auth.disabled",
                "-jar", greenmailJar.toString()));
        return ManagedProcess.start(name, command, Map.of(), workDirectory, log);
    }

    private static void awaitReady(ManagedProcess process, int apiPort) {
        Readiness.await("mail server", () -> Readiness.httpOk(readinessUri(apiPort)), process, Duration.ofSeconds(60));
    }

    private static URI readinessUri(int apiPort) {
        return URI.create("http://127.0.0.1:" + apiPort + "/api/service/readiness");
    }

    public URI readinessUri() {
        return readinessUri(apiPort);
    }

    public URI mailboxUri() {
        return URI.create("http://127.0.0.1:" + apiPort + "/");
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
