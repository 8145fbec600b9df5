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
 * <p>Unscripted, it answers as VPP 26.10 does (checked against a live VPP by java-impl's differential test):
 * {@code control_ping}, {@code show_version}, {@code cli_inband}, the interface messages over its interface table
 * (loopbacks, flags, {@code want_interface_events}, addresses), the IP routing messages over its routing tables
 * ({@code ip_route_add_del}, {@code ip_route_dump}, {@code ip_table_add_del}) and the ipfix exporter stream.
 */
package io.jvppmux.mock;
