package org.visaport.deploy;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * How many parts of the stack may be starting at once: one per core. A JVM that starts beside others on the same cores
 * spends longer in its interpreter, since its compiler threads get less of the cores, so the same parts started all at
 * once use more CPU in all than started a core's worth at a time: on two cores, five service JVMs together took 22 s and
 * 6.3 CPU-seconds each, two together 6.7 s and 4.8 each (docs/benchmarks.md). Parts take their turn in the order they
 * ask.
 */
final class StartSlots {

    private final Semaphore slots;
    private volatile boolean closed;

    StartSlots(int cores) {
        this.slots = new Semaphore(Math.max(1, cores), true);
    }

    /** One slot per core of this machine. */
    static StartSlots perCore() {
        return new StartSlots(Runtime.getRuntime().availableProcessors());
    }

    /** Runs {@code start} (a part's start, until it is ready) once a slot is free, and frees the slot after it. */
    <T> T take(String part, Supplier<T> start) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while " + part + " waited for its turn to start", e);
        }
        try {
            if (closed) {
                throw new StackException(part + " was not started: the stack is stopping");
            }
            return start.get();
        } finally {
            slots.release();
        }
    }

    /** Refuses every start from now on, those still waiting for their turn included: the stack is stopping. */
    void close() {
        closed = true;
    }
}
