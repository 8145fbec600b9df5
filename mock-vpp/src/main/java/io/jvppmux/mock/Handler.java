package io.jvppmux.mock;

/** A built-in behaviour for one request type; runs on the engine thread. */
@FunctionalInterface
interface Handler {
    void handle(Call call);
}
