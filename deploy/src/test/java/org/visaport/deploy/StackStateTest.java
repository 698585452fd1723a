package org.visaport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackStateTest {

    @TempDir
    Path run;

    @Test
    void anotherInvocationReadsWhatTheRunningStackWrote() {
        StackState state = StackState.create(run, ProcessHandle.current().pid());
        state.add(new StackState.Part("kafka", "127.0.0.1:9092", "tcp:9092", 4242));
        state.add(new StackState.Part("gateway", "http://127.0.0.1:8080", "http://127.0.0.1:8080/actuator/health/readiness", 4343));

        StackState read = StackState.read(run).orElseThrow();

        assertThat(read.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(read.stackAlive()).isTrue();
        assertThat(read.parts()).containsExactly(
                new StackState.Part("kafka", "127.0.0.1:9092", "tcp:9092", 4242),
                new StackState.Part("gateway", "http://127.0.0.1:8080", "http://127.0.0.1:8080/actuator/health/readiness", 4343));
    }

    @Test
    void isGoneOnceDeleted() {
        StackState.create(run, 1).delete();

        assertThat(StackState.read(run)).isEmpty();
    }

    @Test
    void tellsTheBenchHowLongAfterTheStartEachPartWasReady() {
        StackState state = StackState.create(run, ProcessHandle.current().pid());
        state.add(new StackState.Part("kafka", "127.0.0.1:9092", "tcp:9092", 4344));
        state.ready("kafka", java.time.Duration.ofMillis(9_500));
        state.add(new StackState.Part("mail", "http://127.0.0.1:8025/", "http://127.0.0.1:8025/api/service/readiness", 4345));

        StackState read = StackState.read(run).orElseThrow();

        assertThat(read.readyAfter("kafka")).contains(java.time.Duration.ofMillis(9_500));
        assertThat(read.readyAfter("mail")).isEmpty();
    }
}
