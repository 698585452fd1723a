package org.visaport.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailServerIT {

    @TempDir
    Path dir;

    @Test
    void keepsReceivedMailForAPersonToRead() throws Exception {
        int smtpPort = Ports.findFree();
        int apiPort = Ports.findFree();
        try (MailServer mail = MailServer.start(BuildArtifacts.load().greenmailJar(), dir, dir, smtpPort, apiPort)) {
            send(smtpPort, "member@visaport.local", "Your membership was approved");

            HttpResponse<String> inbox = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/api/user/member@visaport.local/messages/")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(inbox.statusCode()).isEqualTo(200);
            assertThat(inbox.body()).contains("Your membership was approved");
        }
    }

    @Test
    void recordsItsAotCacheOnceAndStartsFromItAfterwards() throws Exception {
        assumeTrue(AotCaches.supported(), "AOT caches need Java 25 or newer; this is " + Runtime.version());
        AotCaches caches = new AotCaches(dir.resolve("aot"), JavaRuntime.javaExecutable(), dir);
        Path jar = BuildArtifacts.load().greenmailJar();
        try (MailServer first = MailServer.start(jar, dir, dir, Ports.findFree(), Ports.findFree(), caches)) {
            assertThat(arguments(first)).as("the first start runs after the recording, from its cache")
                    .anyMatch(argument -> argument.startsWith("-XX:AOTCache="));
        }
        assertThat(dir.resolve("mail-aot.log")).as("one recording run").exists();
        Files.delete(dir.resolve("mail-aot.log"));

        int smtpPort = Ports.findFree();
        try (MailServer again = MailServer.start(jar, dir, dir, smtpPort, Ports.findFree(), caches)) {
            assertThat(dir.resolve("mail-aot.log")).as("no second recording").doesNotExist();
            assertThat(arguments(again)).anyMatch(argument -> argument.startsWith("-XX:AOTCache="));
            send(smtpPort, "member@visaport.local", "Started from its cache");
        }
    }

    private static List<String> arguments(MailServer mail) {
        return ProcessHandle.of(mail.process().pid()).flatMap(process -> process.info().arguments())
                .map(List::of).orElseThrow();
    }

    /** A plain SMTP conversation, as the notification service's mail client would have it. */
    private static void send(int port, String to, String subject) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port);
             var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
             var out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII)) {
            expect(in, "220");
            for (String[] step : new String[][] {
                    {"HELO visaport.local", "250"}, {"MAIL FROM:<noreply@visaport.local>", "250"},
                    {"RCPT TO:<" + to + ">", "250"}, {"DATA", "354"},
                    {"Subject: " + subject + "\r\nFrom: noreply@visaport.local\r\nTo: " + to + "\r\n\r\nWelcome.\r\n.", "250"},
                    {"QUIT", "221"}}) {
                out.print(step[0] + "\r\n");
                out.flush();
                expect(in, step[1]);
            }
        }
    }

    private static void expect(BufferedReader in, String code) throws Exception {
        String line;
        do {
            line = in.readLine();
        } while (line != null && line.length() > 3 && line.charAt(3) == '-');
        assertThat(line).startsWith(code);
    }
}
