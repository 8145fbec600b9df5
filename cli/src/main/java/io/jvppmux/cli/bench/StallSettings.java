package io.jvppmux.cli.bench;

/**
 * What {@code bench --stalled-channel} adds to the bench settings (which give the target, the worker threads,
 * the rounds and warm-up rounds, the reply timeout and the dispatcher's options).
 *
 * @param roundMillis how long each round's workers run
 * @param rate        requests per second the stalled channel sends; 0: as fast as its request buffer lets it
 */
record StallSettings(long roundMillis, int rate) {
}
