package io.jvppmux.impl.testing;

import java.util.Set;
import java.util.stream.Collectors;

/** The live threads a mux (and its transport) may start: named {@code jvppmux-*}, mock-vpp's excluded. */
public final class MuxThreads {
    private MuxThreads() {
    }

    /** Live mux threads, by thread object. */
    public static Set<Thread> alive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("jvppmux-") && !t.getName().startsWith("jvppmux-mock"))
                .collect(Collectors.toSet());
    }

    /** Names of the live mux threads that were not in {@code before}. */
    public static Set<String> startedSince(Set<Thread> before) {
        return alive().stream().filter(t -> !before.contains(t)).map(Thread::getName).collect(Collectors.toSet());
    }
}
