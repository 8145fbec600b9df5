package io.jvppmux.mock;

import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How the mock answers one request type, obtained with {@link MockVpp#on(MessageDescriptor)}. Thread-safe;
 * every method returns {@code this} for chaining. For each received request of this type the mock takes the
 * first that applies:
 * <ol>
 *   <li>silence ({@link #silence()}, {@link #silenceNext(int)}, or {@link MockVpp#silenceAll(boolean)}): send nothing;</li>
 *   <li>the oldest queued answer ({@link #reply(Message...)}, {@link #reply(MockReply...)}), used once;</li>
 *   <li>the {@link Responder} ({@link #respond(Responder)});</li>
 *   <li>the built-in behaviour, if the mock has one for this message; else nothing.</li>
 * </ol>
 * A {@link #delay(Duration) delay} holds the request (and everything the same client sent after it) before
 * processing, as a slow VPP would.
 */
public final class RequestScript {
    private final MessageDescriptor<? extends Message> descriptor;
    private final ConcurrentLinkedQueue<List<MockReply>> queued = new ConcurrentLinkedQueue<>();
    private final AtomicInteger silenceNext = new AtomicInteger();
    private volatile Responder responder;
    private volatile boolean silenced;
    private volatile Duration delay = Duration.ZERO;

    RequestScript(MessageDescriptor<? extends Message> descriptor) {
        this.descriptor = descriptor;
    }

    /** The request type this script is for. */
    public MessageDescriptor<? extends Message> descriptor() {
        return descriptor;
    }

    /**
     * Queues one answer: the next request of this type (not yet answered by an earlier queued answer) is
     * answered with {@code messages}, in order, each with the request's context. Pass several messages to
     * answer a dump with details, or none to swallow exactly one request.
     */
    public RequestScript reply(Message... messages) {
        List<MockReply> answer = new ArrayList<>(messages.length);
        for (Message m : messages) {
            answer.add(MockReply.of(m));
        }
        queued.add(List.copyOf(answer));
        return this;
    }

    /** Queues one answer made of {@code replies} (forged contexts, raw bytes, several messages). */
    public RequestScript reply(MockReply... replies) {
        for (MockReply r : replies) {
            Objects.requireNonNull(r, "reply");
        }
        queued.add(List.of(replies));
        return this;
    }

    /** Answers every request of this type (after the queued answers are used up) with {@code r}. */
    public RequestScript respond(Responder r) {
        this.responder = Objects.requireNonNull(r, "responder");
        return this;
    }

    /** Swallows every request of this type from now on, until {@link #reset()}. */
    public RequestScript silence() {
        this.silenced = true;
        return this;
    }

    /** Swallows the next {@code count} requests of this type, then answers as before. */
    public RequestScript silenceNext(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0: " + count);
        }
        silenceNext.addAndGet(count);
        return this;
    }

    /** Holds every request of this type for {@code d} before processing it; zero for none. */
    public RequestScript delay(Duration d) {
        Objects.requireNonNull(d, "delay");
        if (d.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + d);
        }
        this.delay = d;
        return this;
    }

    /** Forgets queued answers, the responder, silence and delay: back to the built-in behaviour. */
    public RequestScript reset() {
        queued.clear();
        responder = null;
        silenced = false;
        silenceNext.set(0);
        delay = Duration.ZERO;
        return this;
    }

    /** The number of queued answers not used yet. */
    public int pendingReplies() {
        return queued.size();
    }

    Duration delay() {
        return delay;
    }

    /** Whether the request is to be swallowed; consumes one {@link #silenceNext(int)} credit. */
    boolean takeSilence() {
        if (silenced) {
            return true;
        }
        return silenceNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    /** The scripted answer, or null when the built-in behaviour applies. */
    List<MockReply> takeAnswer(ReceivedMessage request) {
        List<MockReply> q = queued.poll();
        if (q != null) {
            return q;
        }
        Responder r = responder;
        if (r == null) {
            return null;
        }
        List<MockReply> computed = r.respond(request);
        if (computed == null) {
            throw new IllegalStateException("the responder for " + descriptor.name() + " returned null");
        }
        return computed;
    }
}
