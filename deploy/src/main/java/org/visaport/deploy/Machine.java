package org.visaport.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The machine a benchmark ran on, as the figures need to be read: they are this machine's, not the software's alone. */
record Machine(String cpu, int cores, long memoryBytes, String os, String jdk) {

    static Machine describe() {
        String cpu = read(Path.of("/proc/cpuinfo"), Pattern.compile("^model name\\s*:\\s*(.+)$", Pattern.MULTILINE))
                .orElse(System.getProperty("os.arch"));
        long memory = read(Path.of("/proc/meminfo"), Pattern.compile("^MemTotal:\\s*(\\d+) kB", Pattern.MULTILINE))
                .map(kib -> Long.parseLong(kib) * 1024).orElse(Runtime.getRuntime().maxMemory());
        String os = read(Path.of("/etc/os-release"), Pattern.compile("^PRETTY_NAME=\"?([^\"\\n]+)\"?", Pattern.MULTILINE))
                .orElse(System.getProperty("os.name")) + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version");
        String jdk = "JDK " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.vendor") + ")";
        return new Machine(cpu.strip(), Runtime.getRuntime().availableProcessors(), memory, os, jdk);
    }

    private static Optional<String> read(Path file, Pattern pattern) {
        try {
            Matcher matcher = pattern.matcher(Files.readString(file));
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
