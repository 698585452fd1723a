package org.visaport.deploy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A command-line checker from a Debian package (docker-compose, promtool) that the deploy tests run on the files under
 * deploy/. Where it is missing the test is skipped with one line naming the package, as .ci/run installs it.
 */
record ExternalTool(String command, String debianPackage) {

    record Result(int exitCode, String output) {
    }

    /** Skips the calling test, with one line, unless the tool is on the PATH. */
    ExternalTool assumeInstalled() {
        assumeTrue(onPath(), command + " is not installed (Debian package " + debianPackage + "); skipped");
        return this;
    }

    private boolean onPath() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(java.io.File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }

    /** Runs the tool in {@code directory}; standard output and error together, so a failure's message is in it. */
    Result run(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        line.add(command);
        line.addAll(List.of(arguments));
        Process process = new ProcessBuilder(line).directory(directory.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        return new Result(process.waitFor(), new String(output, StandardCharsets.UTF_8));
    }
}
