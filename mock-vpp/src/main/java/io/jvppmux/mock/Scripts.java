package io.jvppmux.mock;

import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Every {@link RequestScript}, by {@code name_crc}, plus the global silence and delay. Thread-safe. */
final class Scripts {
    private final ConcurrentHashMap<String, RequestScript> byNameCrc = new ConcurrentHashMap<>();
    private volatile boolean silenceAll;
    private volatile Duration delayAll = Duration.ZERO;

    RequestScript forType(MessageDescriptor<? extends Message> d) {
        Objects.requireNonNull(d, "descriptor");
        return byNameCrc.computeIfAbsent(d.nameCrc(), k -> new RequestScript(d));
    }

    /** The script of {@code nameCrc}, or null when none was made. */
    RequestScript get(String nameCrc) {
        return byNameCrc.get(nameCrc);
    }

    boolean silenceAll() {
        return silenceAll;
    }

    void silenceAll(boolean on) {
        silenceAll = on;
    }

    Duration delayAll() {
        return delayAll;
    }

    void delayAll(Duration d) {
        Objects.requireNonNull(d, "delay");
        if (d.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + d);
        }
        delayAll = d;
    }

    void resetAll() {
        byNameCrc.values().forEach(RequestScript::reset);
        silenceAll = false;
        delayAll = Duration.ZERO;
    }
}
