package io.jvppmux.cli.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one bench run does, validated.
 *
 * @param requests     requests per round and per mode, over all caller threads
 * @param warmup       requests per driver and mode before the first measured round
 * @param rounds       measured rounds; drivers alternate inside each round
 * @param modes        sync, async or both
 * @param window       requests in flight per caller thread in async mode
 * @param channels     active channels of the mux (raw has none)
 * @param threads      caller threads
 * @param idleChannels extra channels opened and never used; &gt; 0 adds a second mux that has them
 * @param baseline     whether the raw transport is driven too, interleaved with the mux
 * @param where        which VPP
 * @param socket       the live VPP's socket (only for {@link Where#SOCKET})
 * @param shmPrefix    the shared-memory prefix of a live VPP (only for {@link Where#SHM}), or null
 * @param vppapiclient libvppapiclient to load (shm; for {@link Where#MOCK_SHM} the test one), or null
 * @param timeout      bound of every wait for a reply
 * @param waitStrategy the dispatcher's wait strategy
 * @param callbackThreads the mux's callback threads
 * @param callerReads  whether a thread waiting for its reply may read the socket itself ({@code MuxOptions})
 * @param asyncApi     the mux API the async mode uses
 * @param progress     whether a progress line goes to stderr about once a second
 * @param perRound     whether each round's requests/s are printed before the table
 * @param cBaseline    how to build the C baseline client that runs interleaved too, or null: none
 */
record BenchSettings(int requests, int asyncRequests, int warmupRounds, int rounds, List<Mode> modes, int window, int channels, int threads,
                     int idleChannels, boolean baseline, Where where, Path socket, String shmPrefix,
                     Path vppapiclient, Duration timeout,
                     WaitStrategies waitStrategy, int callbackThreads, boolean callerReads, AsyncApi asyncApi, boolean progress,
                     boolean perRound, CBuild cBaseline) {

    /** The requests of one round of {@code mode}. */
    int requests(Mode mode) {
        return mode == Mode.SYNC ? requests : asyncRequests;
    }

    /** The request-buffer and reply-buffer size of each active channel: room for every window on it. */
    int channelBufferSize() {
        int callersPerChannel = (threads + channels - 1) / channels;
        long need = (long) window * callersPerChannel;
        return (int) Math.min(32_767, Math.max(100, need));
    }
}
