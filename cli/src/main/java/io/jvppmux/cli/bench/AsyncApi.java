package io.jvppmux.cli.bench;

/** Which mux API the asynchronous mode pipelines with. */
enum AsyncApi {
    /** {@code sendRequest} now, {@code RequestContext.receiveReply} later (GoVPP's perf-bench pattern). */
    CONTEXT,
    /** {@code callAsync}: a CompletableFuture per request, completed on the mux's callback threads. */
    FUTURE
}
