package org.visaport.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StartSlotsTest {

    @Test
    void noMorePartsStartAtOnceThanThereAreSlotsAndTheRestWaitTheirTurn() throws Exception {
        StartSlots slots = new StartSlots(2);
        AtomicInteger starting = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch finish = new CountDownLatch(1);
        List<Thread> parts = new CopyOnWriteArrayList<>();
        for (int part = 0; part < 5; part++) {
            parts.add(Thread.ofVirtual().start(() -> slots.take("part", () -> {
                mostAtOnce.accumulateAndGet(starting.incrementAndGet(), Math::max);
                try {
                    finish.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return starting.decrementAndGet();
            })));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> starting.get() == 2);

        finish.countDown();
        for (Thread part : parts) {
            part.join(5_000);
        }

        assertThat(mostAtOnce).hasValue(2);
        assertThat(starting).hasValue(0);
    }

    @Test
    void aPartThatFailsToStartFreesItsSlot() {
        StartSlots slots = new StartSlots(1);

        assertThatThrownBy(() -> slots.take("broken", () -> {
            throw new StackException("would not start");
        })).hasMessage("would not start");

        assertThat(slots.take("next", () -> "started")).isEqualTo("started");
    }

    @Test
    void onceTheStackIsStoppingPartsStillWaitingForTheirTurnAreNotStarted() throws Exception {
        StartSlots slots = new StartSlots(1);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger startedAfterTheStop = new AtomicInteger();
        Thread first = Thread.ofVirtual().start(() -> slots.take("first", () -> {
            holding.countDown();
            try {
                return finish.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        List<Throwable> refused = new CopyOnWriteArrayList<>();
        Thread waiting = Thread.ofVirtual().start(() -> {
            try {
                slots.take("waiting", startedAfterTheStop::incrementAndGet);
            } catch (StackException e) {
                refused.add(e);
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> waiting.getState() == Thread.State.WAITING);

        slots.close();
        finish.countDown();
        first.join(5_000);
        waiting.join(5_000);

        assertThat(startedAfterTheStop).hasValue(0);
        assertThat(refused).singleElement().extracting(Throwable::getMessage)
                .isEqualTo("waiting was not started: the stack is stopping");
    }

    @Test
    void aMachineWithoutCoresToCountStillStartsOneAtATime() {
        assertThat(new StartSlots(0).take("only", () -> "started")).isEqualTo("started");
    }
}
