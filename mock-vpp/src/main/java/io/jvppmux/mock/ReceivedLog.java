package io.jvppmux.mock;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/** The bounded log of received messages, awaitable. Thread-safe. */
final class ReceivedLog {
    private final int capacity;
    private final ArrayDeque<ReceivedMessage> entries = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long total;

    ReceivedLog(int capacity) {
        this.capacity = capacity;
    }

    void add(ReceivedMessage m) {
        lock.lock();
        try {
            if (capacity == 0) {
                total++;
                return;
            }
            if (entries.size() == capacity) {
                entries.removeFirst();
            }
            entries.addLast(m);
            total++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    List<ReceivedMessage> snapshot() {
        lock.lock();
        try {
            return List.copyOf(entries);
        } finally {
            lock.unlock();
        }
    }

    long total() {
        lock.lock();
        try {
            return total;
        } finally {
            lock.unlock();
        }
    }

    void clear() {
        lock.lock();
        try {
            entries.clear();
        } finally {
            lock.unlock();
        }
    }

    /** The first logged message matching {@code p}, waiting up to {@code timeout} for it to arrive. */
    Optional<ReceivedMessage> await(Predicate<ReceivedMessage> p, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                for (ReceivedMessage m : entries) {
                    if (p.test(m)) {
                        return Optional.of(m);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    List<ReceivedMessage> matching(Predicate<ReceivedMessage> p) {
        List<ReceivedMessage> out = new ArrayList<>();
        for (ReceivedMessage m : snapshot()) {
            if (p.test(m)) {
                out.add(m);
            }
        }
        return out;
    }
}
