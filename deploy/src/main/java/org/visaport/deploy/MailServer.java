package org.visaport.deploy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** GreenMail standalone: an SMTP server that keeps what it receives, with a web API to read the mail boxes. */
public final class MailServer implements AutoCloseable {

    private final ManagedProcess process;
    private final int apiPort;

    private MailServer(ManagedProcess process, int apiPort) {
        this.process = process;
        this.apiPort = apiPort;
    }

    public static MailServer start(Path greenmailJar, Path workDirectory, Path logDirectory, int smtpPort, int apiPort) {
        BuildArtifacts.requireFile(greenmailJar, "GreenMail standalone");
        List<String> command = new java.util.ArrayList<>(List.of(JavaRuntime.javaExecutable().toString()));
        command.addAll(JvmOptions.mail());
        command.addAll(List.of(
                "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + smtpPort,
                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + apiPort,
                // Any sender and recipient is accepted: the point is to catch every mail the services send.
                "-Dgreenmail.auth.disabled",
                "-jar", greenmailJar.toString()));
        ManagedProcess process = ManagedProcess.start("mail", command, Map.of(), workDirectory, logDirectory.resolve("mail.log"));
        MailServer server = new MailServer(process, apiPort);
        try {
            Readiness.await("mail server", () -> Readiness.httpOk(server.readinessUri()), process, Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    public URI readinessUri() {
        return URI.create("http://127.0.0.1:" + apiPort + "/api/service/readiness");
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
