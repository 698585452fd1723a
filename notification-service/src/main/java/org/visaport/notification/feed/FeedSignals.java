package org.visaport.notification.feed;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;

/**
 * Wakes the live streams of members whose feed this instance just stored items in, so they send them at once instead
 * of at their next look. Streams on other instances find the items at their next look: this is a shortcut, not the
 * way items reach streams.
 */
@Component
class FeedSignals {

    private final Map<String, Set<Semaphore>> listening = new ConcurrentHashMap<>();

    /** Releases {@code wake} whenever items are stored for the member, until the returned action is run. */
    Runnable listen(String memberId, Semaphore wake) {
        listening.computeIfAbsent(memberId, id -> ConcurrentHashMap.newKeySet()).add(wake);
        return () -> listening.computeIfPresent(memberId, (id, wakes) -> {
            wakes.remove(wake);
            return wakes.isEmpty() ? null : wakes;
        });
    }

    void stored(Collection<String> memberIds) {
        for (String memberId : memberIds) {
            Set<Semaphore> wakes = listening.get(memberId);
            if (wakes != null) {
                wakes.forEach(Semaphore::release);
            }
        }
    }
}
