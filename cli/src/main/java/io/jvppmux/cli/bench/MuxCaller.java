package io.jvppmux.cli.bench;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.RequestContext;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One caller thread of the mux, rotating over its channels. Sync: {@code sendRequest} then
 * {@code receiveReply} into one reused reply (what {@code call} does, minus allocating the reply). Async:
 * a ring of the last {@code window} requests; before sending into a place, the reply of the request there
 * is taken, so at most {@code window} are in flight (RequestContexts, or futures of {@code callAsync}).
 */
final class MuxCaller implements Driver.Caller {
    private static final int PROGRESS_BATCH = 256;

    private final ApiChannel[] channels;
    private final int window;
    private final AsyncApi api;
    private final long timeoutNanos;
    private final ControlPingReply reply = new ControlPingReply();

    MuxCaller(ApiChannel[] channels, int window, AsyncApi api, long timeoutNanos) {
        this.channels = channels;
        this.window = window;
        this.api = api;
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    public void run(Mode mode, int n, LatencyRecorder latency, Progress.Counter progress) throws Exception {
        if (mode == Mode.SYNC) {
            sync(n, latency, progress);
        } else if (api == AsyncApi.CONTEXT) {
            pipelined(n, progress);
        } else {
            futures(n, progress);
        }
        progress.add(n % PROGRESS_BATCH);
    }

    private ApiChannel channel(int i) {
        return channels.length == 1 ? channels[0] : channels[i % channels.length];
    }

    private void sync(int n, LatencyRecorder latency, Progress.Counter progress) {
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            channel(i).sendRequest(Driver.PING).receiveReply(reply);
            latency.record(System.nanoTime() - start);
            if ((i + 1) % PROGRESS_BATCH == 0) {
                progress.add(PROGRESS_BATCH);
            }
        }
    }

    private void pipelined(int n, Progress.Counter progress) {
        RequestContext[] ring = new RequestContext[window];
        for (int i = 0; i < n; i++) {
            int k = i % window;
            if (ring[k] != null) {
                ring[k].receiveReply(reply);
            }
            ring[k] = channel(i).sendRequest(Driver.PING);
            if ((i + 1) % PROGRESS_BATCH == 0) {
                progress.add(PROGRESS_BATCH);
            }
        }
        for (int j = 0; j < window; j++) {
            RequestContext oldest = ring[(n + j) % window];
            if (oldest != null) {
                oldest.receiveReply(reply);
            }
        }
    }

    private void futures(int n, Progress.Counter progress) throws Exception {
        @SuppressWarnings("unchecked")
        CompletableFuture<ControlPingReply>[] ring = new CompletableFuture[window];
        for (int i = 0; i < n; i++) {
            int k = i % window;
            if (ring[k] != null) {
                await(ring[k]);
            }
            ring[k] = channel(i).callAsync(Driver.PING);
            if ((i + 1) % PROGRESS_BATCH == 0) {
                progress.add(PROGRESS_BATCH);
            }
        }
        for (int j = 0; j < window; j++) {
            CompletableFuture<ControlPingReply> oldest = ring[(n + j) % window];
            if (oldest != null) {
                await(oldest);
            }
        }
    }

    private void await(CompletableFuture<ControlPingReply> f) throws Exception {
        try {
            f.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("mux: no reply within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
        }
    }
}
