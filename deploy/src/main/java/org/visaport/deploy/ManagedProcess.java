package org.visaport.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A child process the stack started, with its output in a log file, stopped gracefully together with its descendants. */
public final class ManagedProcess implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final Path log;

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    public static ManagedProcess start(String name, List<String> command, Map<String, String> environment,
                                       Path workingDirectory, Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().putAll(environment);
            return new ManagedProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new StackException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    Process process() {
        return process;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Fails with the reason when the process has ended; used while waiting for it to become ready. */
    public void requireAlive() {
        if (!process.isAlive()) {
            throw new StackException(name + " exited with code " + process.exitValue() + " (" + lastLogLine() + "); full log: " + log);
        }
    }

    /** Waits for a process that is meant to end by itself, such as a one-off tool. */
    public void awaitSuccess(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new StackException(name + " did not finish within " + timeout.toSeconds() + " s; log: " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting for " + name, e);
        }
        if (process.exitValue() != 0) {
            throw new StackException(name + " failed with code " + process.exitValue() + " (" + lastLogLine() + "); full log: " + log);
        }
    }

    String lastLogLine() {
        try {
            List<String> lines = Files.readAllLines(log);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    String line = lines.get(i).strip();
                    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
                }
            }
            return "no output";
        } catch (IOException e) {
            return "log unreadable";
        }
    }

    @Override
    public void close() {
        stop(process.toHandle(), GRACE);
    }

    /**
     * Lets a run that is only wanted for what it leaves behind (a recorded cache, a data folder) get ready, then stops
     * it within {@code grace}. Returns whether it got ready and stopped without being killed; a run that never got
     * ready is stopped too.
     */
    public static boolean readyThenStopped(ManagedProcess run, java.util.function.Consumer<ManagedProcess> awaitReady,
                                           Duration grace) {
        try {
            awaitReady.accept(run);
        } catch (RuntimeException notReady) {
            run.close();
            return false;
        }
        return stop(run.process().toHandle(), grace);
    }

    /**
     * SIGTERM to the process and everything it started, then a forced kill of whatever outlives the grace period.
     * Returns whether nothing had to be killed.
     */
    static boolean stop(ProcessHandle handle, Duration grace) {
        List<ProcessHandle> family = new java.util.ArrayList<>(handle.descendants().toList());
        family.addFirst(handle);
        family.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        boolean clean = true;
        for (ProcessHandle member : family) {
            long left = deadline - System.nanoTime();
            try {
                member.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
            } catch (Exception timedOutOrInterrupted) {
                member.destroyForcibly();
                clean = false;
            }
        }
        return clean;
    }
}
