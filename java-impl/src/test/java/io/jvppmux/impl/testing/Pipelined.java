package io.jvppmux.impl.testing;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.Message;
import io.jvppmux.api.Request;
import io.jvppmux.api.RequestContext;
import io.jvppmux.impl.JvppMux;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Requests sent the way a control plane programs VPP at scale, for tests against mock-vpp and a real VPP alike:
 * {@link #THREADS} threads on a channel each, {@link #WINDOW} requests in flight per thread ({@code sendRequest},
 * the reply of the oldest taken before the next is sent). Every reply must have retval 0.
 */
public final class Pipelined {
    /** Threads, each on a channel of its own. */
    public static final int THREADS = 4;
    /** Requests in flight per thread. */
    public static final int WINDOW = 64;
    /** Bound on the whole exchange. */
    private static final long LIMIT_SECONDS = 120;

    private Pipelined() {
    }

    /**
     * Sends every request and returns the replies, in the order of the requests.
     *
     * @throws Exception the first failure of a thread (a reply with a non-zero retval, a timeout), or a
     *                   {@link java.util.concurrent.TimeoutException} after {@value #LIMIT_SECONDS} s
     */
    public static <R extends Message> List<R> send(JvppMux mux, List<? extends Request<R>> requests) throws Exception {
        Message[] replies = new Message[requests.size()];
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int from = t * requests.size() / THREADS;
                int to = (t + 1) * requests.size() / THREADS;
                done.add(pool.submit(() -> {
                    sendShare(mux, requests, from, to, replies);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(LIMIT_SECONDS, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        @SuppressWarnings("unchecked")
        List<R> result = (List<R>) (List<?>) Arrays.asList(replies);
        return result;
    }

    private static <R extends Message> void sendShare(JvppMux mux, List<? extends Request<R>> requests, int from, int to,
                                                      Message[] replies) {
        try (ApiChannel ch = mux.newApiChannel()) {
            RequestContext[] inFlight = new RequestContext[WINDOW];
            int[] index = new int[WINDOW];
            for (int i = from; i < to; i++) {
                int k = (i - from) % WINDOW;
                if (inFlight[k] != null) {
                    replies[index[k]] = receive(inFlight[k], requests.get(index[k]));
                }
                inFlight[k] = ch.sendRequest(requests.get(i));
                index[k] = i;
            }
            for (int k = 0; k < WINDOW; k++) {
                if (inFlight[k] != null) {
                    replies[index[k]] = receive(inFlight[k], requests.get(index[k]));
                }
            }
        }
    }

    private static <R extends Message> R receive(RequestContext context, Request<R> request) {
        R reply = request.replyDescriptor().newInstance();
        context.receiveReply(reply);   // throws unless retval is 0
        return reply;
    }
}
