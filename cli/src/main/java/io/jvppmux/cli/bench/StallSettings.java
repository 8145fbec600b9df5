package io.jvppmux.cli.bench;

/**
 * What {@code bench --stalled-channel} adds to the bench settings (which give the target, the worker threads,
 * the rounds and warm-up rounds, the reply timeout and the dispatcher's options).
 *
 * @param roundMillis how long each round's workers run
 * @param rate        requests per second the stalled channel sends; 0: as fast as its request buffer lets it
 * @param readingControl whether rounds with a channel that sends the same way and reads its replies run too
 * @param buffers     the request-buffer and reply-buffer size of the stalled (and the reading) channel
 */
record StallSettings(long roundMillis, int rate, boolean readingControl, int buffers) {
}
