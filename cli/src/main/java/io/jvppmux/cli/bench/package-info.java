/**
 * {@code jvppmux bench}: the perf-bench of jvppmux (GoVPP's examples/perf-bench counterpart). {@link
 * io.jvppmux.cli.bench.BenchCommand} parses the options; a run connects a raw driver (the bare transport, with
 * {@code --baseline}) and the mux to one target, interleaves their rounds, and prints the report whose last line
 * is {@code ratio async=X.XX sync=Y.YY}.
 */
package io.jvppmux.cli.bench;
