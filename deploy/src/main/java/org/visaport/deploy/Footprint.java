package org.visaport.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the running stack's parts cost: resident memory of their processes, and how long each took to start. */
final class Footprint {

    private static final Pattern RSS = Pattern.compile("^VmRSS:\\s*(\\d+) kB", Pattern.MULTILINE);
    /** Spring Boot's start line, e.g. {@code INFO 23072 --- [news-service] … Started NewsApplication in 29.487 seconds (process running for 33.47)}. */
    private static final Pattern SPRING_STARTED = Pattern.compile(
            "\\s(\\d+) --- .* Started \\S+ in [\\d.]+ seconds \\(process running for ([\\d.]+)\\)");
    /** Quarkus's start line in Keycloak's log, e.g. {@code Keycloak 26.7.3 on JVM (…) started in 14.405s.}. */
    private static final Pattern KEYCLOAK_STARTED = Pattern.compile("Keycloak \\S+ on JVM .* started in ([\\d.]+)s\\.");

    private Footprint() {
    }

    /** Resident memory of {@code pid}, with every process it started when {@code withChildren} (kc.sh runs Keycloak's java). */
    static long rssBytes(long pid, boolean withChildren) {
        Stream<ProcessHandle> family = ProcessHandle.of(pid).stream()
                .flatMap(process -> withChildren ? Stream.concat(Stream.of(process), process.descendants()) : Stream.of(process));
        return family.mapToLong(process -> rssBytes(process.pid())).sum();
    }

    private static long rssBytes(long pid) {
        try {
            Matcher matcher = RSS.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
            return matcher.find() ? Long.parseLong(matcher.group(1)) * 1024 : 0;
        } catch (IOException gone) {
            return 0;
        }
    }

    /**
     * How long the part took from its JVM's start until it reported itself started, from its own log: Spring Boot's line
     * for the process {@code pid} (the log keeps earlier runs too), or Keycloak's last start line.
     */
    static Optional<Duration> startedOwnLog(Path log, String part, long pid) {
        if (!Files.isRegularFile(log)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(log)) {
            return startedOwnLog(lines, part, pid);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    static Optional<Duration> startedOwnLog(Stream<String> lines, String part, long pid) {
        Pattern pattern = part.equals("keycloak") ? KEYCLOAK_STARTED : SPRING_STARTED;
        return lines.map(pattern::matcher).filter(Matcher::find)
                .filter(matcher -> pattern == KEYCLOAK_STARTED || Long.parseLong(matcher.group(1)) == pid)
                .map(matcher -> matcher.group(matcher.groupCount()))
                .reduce((earlier, later) -> later)
                .map(seconds -> Duration.ofMillis(Math.round(Double.parseDouble(seconds) * 1000)));
    }
}
