package org.visaport.deploy;

import java.util.List;

/**
 * The JVM settings of each part of the local stack, chosen for a developer's machine with two cores and a stack that
 * must stay under 2.5 GiB of resident memory after the end-to-end demo (figures in docs/benchmarks.md).
 *
 * <p>Nine JVMs share two cores at start-up, so compile time is start-up time. Every part compiles with C1 only
 * ({@code -XX:TieredStopAtLevel=1}): on this machine that took a warm {@code ./visaport up} from 53–60 s to 35–40 s and
 * halved Keycloak's and Kafka's start-up CPU. The price is peak throughput, which a service's rarely taken paths do not
 * reach; the benchmarks say which compiler they ran with, and production images keep the JDK's default tiered
 * compilation. That holds for the gateway too, though every call crosses its filters: with C2 at a quarter of its
 * thresholds it spent 1.2–1.3 ms of CPU per call once warm instead of 2.0–2.4, but took 11.5–12.9 CPU-seconds to start
 * instead of 6.5–7.0, and 5 more in the five seconds after, while it is the last part to start (docs/benchmarks.md).
 */
public final class JvmOptions {

    /** Compile with C1 only: quick to compile, a little slower to run. */
    private static final String QUICK_COMPILER = "-XX:TieredStopAtLevel=1";

    /**
     * VisaPort's services and the gateway. Their live data after the demo is well under 100 MB, so a 256 MB heap leaves
     * room for load; on a heap this small the serial collector costs least in memory and threads (G1's remembered sets
     * and concurrent threads pay off on large heaps and many cores). Compact object headers (a product option since
     * JDK 25) shrink every object by four bytes. Request handling runs on virtual threads, whose stacks live on the
     * heap, so the platform-thread stack can shrink too.
     */
    public static List<String> service() {
        return withCompactHeaders(List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-Xss512k",
                "-XX:ReservedCodeCacheSize=64m", QUICK_COMPILER));
    }

    /** The local Kafka broker: one node, little traffic; its page cache, not its heap, holds the log. */
    public static List<String> kafka() {
        return List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", QUICK_COMPILER);
    }

    /** GreenMail: holds the local stack's mail in memory. */
    public static List<String> mail() {
        return List.of("-Xmx128m", "-XX:+UseSerialGC", QUICK_COMPILER);
    }

    /**
     * Keycloak's heap, in place of kc.sh's default of 512 MB ({@code JAVA_OPTS_KC_HEAP}): one realm, a handful of
     * users and local caches. kc.sh itself adds its module options and picks G1; {@link #keycloak()} comes on top.
     */
    static final String KEYCLOAK_HEAP = "-Xms64m -Xmx256m";

    /**
     * Appended to kc.sh's options ({@code JAVA_OPTS_APPEND}) next to the AOT cache's. The serial collector in place of
     * kc.sh's G1, as for the services: Keycloak alone on this machine reached its realm with 8.1–8.6 CPU-seconds instead
     * of 9.0–9.5 (G1 must be switched off first, as the JVM refuses two collectors).
     */
    static List<String> keycloak() {
        return List.of("-XX:-UseG1GC", "-XX:+UseSerialGC", QUICK_COMPILER);
    }

    private static List<String> withCompactHeaders(List<String> options) {
        if (Runtime.version().feature() < 25) {
            return options;
        }
        var all = new java.util.ArrayList<>(options);
        all.add("-XX:+UseCompactObjectHeaders");
        return List.copyOf(all);
    }

    private JvmOptions() {
    }
}
