package org.visaport.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running stack tells other invocations (`down`, `status`): its own pid and every part with its address,
 * readiness check and pid. Rewritten whole after each part starts, so a crash leaves the processes findable.
 */
public final class StackState {

    public record Part(String name, String address, String readiness, long pid) {
    }

    private final Path file;
    private final long pid;
    private final List<Part> parts = new ArrayList<>();
    private final java.util.Map<String, Duration> readyAfter = new java.util.LinkedHashMap<>();

    private StackState(Path file, long pid) {
        this.file = file;
        this.pid = pid;
    }

    public static StackState create(Path runDirectory, long pid) {
        StackState state = new StackState(runDirectory.resolve("stack.properties"), pid);
        state.save();
        return state;
    }

    public static Optional<StackState> read(Path runDirectory) {
        Path file = runDirectory.resolve("stack.properties");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new StackException("cannot read " + file + ": " + e.getMessage(), e);
        }
        StackState state = new StackState(file, Long.parseLong(p.getProperty("pid", "-1")));
        int count = Integer.parseInt(p.getProperty("parts", "0"));
        for (int i = 0; i < count; i++) {
            state.parts.add(new Part(p.getProperty(i + ".name"), p.getProperty(i + ".address"),
                    p.getProperty(i + ".readiness", ""), Long.parseLong(p.getProperty(i + ".pid", "-1"))));
            String ready = p.getProperty(i + ".readyAfterMillis");
            if (ready != null) {
                state.readyAfter.put(p.getProperty(i + ".name"), Duration.ofMillis(Long.parseLong(ready)));
            }
        }
        return Optional.of(state);
    }

    /** Adds a part, or replaces the one of the same name (a service restarted). */
    public synchronized void add(Part part) {
        parts.removeIf(known -> known.name().equals(part.name()));
        parts.add(part);
        save();
    }

    /** Records how long after the stack's start the part answered its readiness check. */
    public synchronized void ready(String name, Duration after) {
        readyAfter.put(name, after);
        save();
    }

    /** How long after the stack's start the part became ready, when the launcher recorded it. */
    public synchronized Optional<Duration> readyAfter(String name) {
        return Optional.ofNullable(readyAfter.get(name));
    }

    public synchronized List<Part> parts() {
        return List.copyOf(parts);
    }

    public long pid() {
        return pid;
    }

    public boolean stackAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StackException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    private void save() {
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("parts", Integer.toString(parts.size()));
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            p.setProperty(i + ".name", part.name());
            p.setProperty(i + ".address", part.address());
            p.setProperty(i + ".readiness", part.readiness());
            p.setProperty(i + ".pid", Long.toString(part.pid()));
            Duration ready = readyAfter.get(part.name());
            if (ready != null) {
                p.setProperty(i + ".readyAfterMillis", Long.toString(ready.toMillis()));
            }
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary)) {
                p.store(out, "the running VisaPort stack; removed when it stops");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StackException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
