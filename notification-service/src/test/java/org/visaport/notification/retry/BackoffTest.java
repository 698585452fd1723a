package org.visaport.notification.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));

    @Test
    void theWaitDoublesFromTheFirstUpToTheBound() {
        assertThat(IntStream.rangeClosed(1, 9).mapToObj(backoff::after)).containsExactly(
                Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(32), Duration.ofHours(1),
                Duration.ofHours(1));
        assertThat(backoff.after(100_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aDayOfRetriesAtTheDefaultsIsAboutThirtyAttempts() {
        Duration elapsed = Duration.ZERO;
        int attempts = 1;
        while (elapsed.compareTo(Duration.ofHours(24)) < 0) {
            elapsed = elapsed.plus(backoff.after(attempts++));
        }
        assertThat(attempts).isBetween(25, 35);
    }

    @Test
    void aBoundBelowTheFirstWaitOrANonPositiveWaitIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
