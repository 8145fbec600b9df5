/**
 * mock-vpp: a pure-Java fake VPP for tests and benchmarks.
 *
 * <p>Start one with {@link io.jvppmux.mock.MockVpp#start()} (or {@link io.jvppmux.mock.MockVpp#builder()}),
 * then reach it through either face:
 * <ul>
 *   <li>{@link io.jvppmux.mock.MockVpp#newTransport()}: an in-process
 *       {@link io.jvppmux.api.spi.VppTransport} ({@link io.jvppmux.mock.MockTransport});</li>
 *   <li>{@link io.jvppmux.mock.MockVpp#startSocketServer(java.nio.file.Path)}: VPP's API socket protocol on a
 *       UNIX domain socket ({@link io.jvppmux.mock.MockSocketServer}).</li>
 * </ul>
 * Script answers per request type with {@link io.jvppmux.mock.MockVpp#on(io.jvppmux.api.MessageDescriptor)}
 * ({@link io.jvppmux.mock.RequestScript}: queued {@link io.jvppmux.mock.MockReply}s, a
 * {@link io.jvppmux.mock.Responder}, silence, delay), inject faults on {@link io.jvppmux.mock.MockVpp}
 * (connect failures, disconnects, restarts with new ids, unknown ids, events) and on the socket server
 * (truncated and oversized frames, raw bytes), and assert on what arrived with
 * {@link io.jvppmux.mock.MockVpp#received()} and {@link io.jvppmux.mock.MockVpp#awaitReceived}.
 */
package io.jvppmux.mock;
