package io.jvppmux.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The exporter's HTTP face on the JDK's {@link HttpServer}: {@code GET /metrics} answers Prometheus's text
 * format, {@code GET /health} 200 while {@code healthy} says so and 503 otherwise (the body says the state);
 * any other path is 404, any other method 405. One request at a time.
 */
final class MetricsServer implements AutoCloseable {
    /** Prometheus's text exposition format. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;

    private MetricsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Listens on {@code address} (port 0: any free port).
     *
     * @param metrics the Prometheus text, computed per request
     * @param healthy whether {@code /health} answers 200
     * @param state   the text of {@code /health}
     */
    static MetricsServer start(InetSocketAddress address, Supplier<String> metrics, BooleanSupplier healthy,
                               Supplier<String> state) {
        HttpServer server;
        try {
            server = HttpServer.create(address, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "jvppmux-exporter-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/metrics", x -> answer(x, 200, PROMETHEUS_TEXT, metrics));
        server.createContext("/health", x -> answer(x, healthy.getAsBoolean() ? 200 : 503,
                "text/plain; charset=utf-8", () -> state.get() + "\n"));
        server.createContext("/", x -> answer(x, 404, "text/plain; charset=utf-8",
                () -> "not found: try /metrics or /health\n"));
        server.start();
        return new MetricsServer(server, executor);
    }

    /** The port it listens on. */
    int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange x, int status, String type, Supplier<String> body) throws IOException {
        try (x) {
            boolean exact = x.getHttpContext().getPath().equals(x.getRequestURI().getPath());
            if (!exact && status != 404) {
                status = 404;
                body = () -> "not found: try /metrics or /health\n";
            }
            if (!"GET".equals(x.getRequestMethod()) && !"HEAD".equals(x.getRequestMethod())) {
                status = 405;
                body = () -> "only GET\n";
            }
            byte[] bytes;
            try {
                bytes = body.get().getBytes(StandardCharsets.UTF_8);
            } catch (RuntimeException e) {
                status = 500;
                bytes = ("cannot produce the answer: " + Main.oneLine(e) + "\n").getBytes(StandardCharsets.UTF_8);
            }
            x.getResponseHeaders().set("Content-Type", type);
            boolean head = "HEAD".equals(x.getRequestMethod());
            x.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = x.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
