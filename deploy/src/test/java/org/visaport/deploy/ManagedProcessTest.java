package org.visaport.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessTest {

    @TempDir
    Path dir;

    @Test
    void reportsHowAFailedProcessEndedWithItsLastWords() throws Exception {
        ManagedProcess process = ManagedProcess.start("broken", List.of("sh", "-c", "echo starting; echo 'bind: address in use'; exit 3"),
                Map.of(), dir, dir.resolve("broken.log"));
        process.process().waitFor();

        assertThatThrownBy(process::requireAlive)
                .isInstanceOf(StackException.class)
                .hasMessageStartingWith("broken exited with code 3 (bind: address in use); full log: ");
    }

    @Test
    void stopsTheProcessAndEverythingItStarted() throws Exception {
        Path childPid = dir.resolve("child.pid");
        ManagedProcess process = ManagedProcess.start("parent",
                List.of("sh", "-c", "sleep 300 & echo $! > " + childPid + "; wait"), Map.of(), dir, dir.resolve("parent.log"));
        Readiness.await("child", () -> Files.exists(childPid) && !readQuietly(childPid).isBlank(), process, Duration.ofSeconds(10));
        long child = Long.parseLong(readQuietly(childPid).strip());

        process.close();

        assertThat(process.isAlive()).isFalse();
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void failsAOneOffToolThatExitsNonZero() {
        ManagedProcess tool = ManagedProcess.start("format", List.of("sh", "-c", "echo 'no space left'; exit 1"),
                Map.of(), dir, dir.resolve("format.log"));

        assertThatThrownBy(() -> tool.awaitSuccess(Duration.ofSeconds(10)))
                .hasMessageStartingWith("format failed with code 1 (no space left)");
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
