package org.visaport.gateway;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP/1.1 connection kept open, byte for byte: writes requests as a client on the internet may (several at once,
 * pipelined) and reads the answers one by one, so a test sees whether the server answers every request on it, and in
 * time. An HTTP client library would hide that behind its own pool and timeouts.
 */
final class KeepAliveConnection implements AutoCloseable {

    /** One answer: its status, its headers (by lower-case name), and its body. */
    record Answer(int status, Map<String, String> headers, String body) {
    }

    private final Socket socket;
    private final InputStream in;
    private final String host;

    /** A connection to the gateway on {@code port} that gives up on an answer after {@code patience}. */
    KeepAliveConnection(int port, Duration patience) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout((int) patience.toMillis());
        in = new BufferedInputStream(socket.getInputStream());
        host = "127.0.0.1:" + port;
    }

    /** Sends a GET for each path in one write, as a pipelining client does, without waiting for an answer. */
    void get(String... paths) throws IOException {
        StringBuilder requests = new StringBuilder();
        for (String path : paths) {
            requests.append("GET ").append(path).append(" HTTP/1.1\r\nHost: ").append(host).append("\r\n\r\n");
        }
        socket.getOutputStream().write(requests.toString().getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** The next answer on this connection; fails when none comes in time or the server closed the connection. */
    Answer read() throws IOException {
        try {
            String statusLine = line();
            Map<String, String> headers = new TreeMap<>();
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
            }
            String body = headers.containsKey("content-length") ? new String(in.readNBytes(
                    Integer.parseInt(headers.get("content-length"))), StandardCharsets.UTF_8) : chunked();
            return new Answer(Integer.parseInt(statusLine.split(" ")[1]), headers, body);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within " + socket.getSoTimeout() + " ms on a connection kept alive", e);
        }
    }

    private String chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
            body.write(in.readNBytes(size));
            line();
        }
        while (!line().isEmpty()) {
            // trailers
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new AssertionError("the server closed the connection instead of answering");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
