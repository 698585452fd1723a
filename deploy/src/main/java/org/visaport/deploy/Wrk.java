package org.visaport.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The load generator for closed-model throughput: Debian's {@code wrk}, run as a process and its summary read. */
final class Wrk {

    /** What one wrk run reports; {@code failed} are answers other than 2xx or 3xx, {@code socketErrors} all kinds. */
    record Result(long requests, Duration elapsed, long failed, long socketErrors, Duration p50, Duration p99) {

        /** Answers that were 2xx or 3xx, per second. */
        double answeredPerSecond() {
            return (requests - failed) / (elapsed.toNanos() / 1e9);
        }
    }

    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in ([\\d.]+[a-z]+),");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.0+)?%\\s+([\\d.]+[a-z]+)\\s*$", Pattern.MULTILINE);
    private static final Pattern FAILED = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern TIME = Pattern.compile("([\\d.]+)(us|ms|s|m|h)");

    private final Path executable;

    private Wrk(Path executable) {
        this.executable = executable;
    }

    /**
     * wrk from the PATH; where it is missing and this runs as root on a Debian-like system, apt-get installs it first.
     * Otherwise the message says how to install it.
     */
    static Wrk find(PrintStream out) {
        return onPath().or(() -> {
            if (!"root".equals(System.getProperty("user.name")) || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
                return java.util.Optional.empty();
            }
            out.println("wrk is missing; installing it: apt-get install -y wrk");
            run(List.of("apt-get", "install", "-y", "-q", "wrk"));
            return onPath();
        }).map(Wrk::new).orElseThrow(() -> new StackException(
                "the benchmark needs wrk, the HTTP load generator; install it with: apt-get install wrk"));
    }

    private static java.util.Optional<Path> onPath() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin");
        return java.util.Arrays.stream(path.split(java.io.File.pathSeparator)).map(dir -> Path.of(dir, "wrk"))
                .filter(Files::isExecutable).findFirst();
    }

    /** {@code connections} clients on two threads, each sending its next request as soon as the last was answered. */
    Result load(String url, Map<String, String> headers, int connections, Duration duration) {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "-t2", "-c" + connections,
                "-d" + duration.toSeconds() + "s", "--latency", "--timeout", "5s"));
        headers.forEach((name, value) -> command.addAll(List.of("-H", name + ": " + value)));
        command.add(url);
        return parse(run(command));
    }

    static Result parse(String output) {
        Matcher total = TOTAL.matcher(output);
        if (!total.find()) {
            throw new StackException("wrk printed no summary: " + output.strip());
        }
        Duration p50 = null;
        Duration p99 = null;
        Matcher percentile = PERCENTILE.matcher(output);
        while (percentile.find()) {
            if (percentile.group(1).equals("50")) {
                p50 = time(percentile.group(2));
            } else {
                p99 = time(percentile.group(2));
            }
        }
        if (p50 == null || p99 == null) {
            throw new StackException("wrk printed no latency distribution (run with --latency): " + output.strip());
        }
        Matcher failed = FAILED.matcher(output);
        Matcher socket = SOCKET_ERRORS.matcher(output);
        long socketErrors = 0;
        if (socket.find()) {
            for (int group = 1; group <= 4; group++) {
                socketErrors += Long.parseLong(socket.group(group));
            }
        }
        return new Result(Long.parseLong(total.group(1)), time(total.group(2)), failed.find() ? Long.parseLong(failed.group(1)) : 0,
                socketErrors, p50, p99);
    }

    /** A time as wrk prints it: a number and one of us, ms, s, m, h. */
    static Duration time(String text) {
        Matcher matcher = TIME.matcher(text);
        if (!matcher.matches()) {
            throw new StackException("not a wrk time: " + text);
        }
        double value = Double.parseDouble(matcher.group(1));
        double nanosPerUnit = switch (matcher.group(2)) {
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
        return Duration.ofNanos(Math.round(value * nanosPerUnit));
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output;
            try (var in = process.getInputStream()) {
                output = in.readAllBytes();
            }
            process.waitFor();
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new StackException(String.join(" ", command.subList(0, 2)) + " … failed (exit " + process.exitValue() + "): " + text.strip());
            }
            return text;
        } catch (IOException e) {
            throw new StackException("cannot run " + command.getFirst() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }
}
