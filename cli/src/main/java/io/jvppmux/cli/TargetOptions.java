package io.jvppmux.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Which VPP to talk to and how patiently; shared by every command. Without {@code --socket}, {@code --shm}
 * or {@code --config} the command talks to an embedded mock-vpp.
 */
final class TargetOptions {
    @Option(names = "--socket", paramLabel = "PATH",
            description = "a live VPP over its API socket (e.g. /run/vpp/api.sock); default: an embedded mock-vpp")
    Path socket;

    @Option(names = "--shm", description = "a live VPP over shared memory (libvppapiclient); no fallback to the socket")
    boolean shm;

    @Option(names = "--shm-prefix", paramLabel = "P", description = "with --shm: VPP's api-segment prefix (default: none)")
    String shmPrefix;

    @Option(names = "--vppapiclient", paramLabel = "PATH", description = "with --shm: the libvppapiclient.so to load")
    Path vppapiclient;

    @Option(names = "--config", paramLabel = "FILE",
            description = "a live VPP as the configuration file says (MuxConfig keys, e.g. transport=socket); "
                    + "--socket, --shm and --timeout-ms override it")
    Path config;

    @Option(names = "--timeout-ms", paramLabel = "MS",
            description = "reply timeout in milliseconds (default: the configuration's reply-timeout, 1000)")
    Long timeoutMillis;

    @Option(names = {"-v", "--verbose"}, description = "log the library's info messages to stderr")
    boolean verbose;

    /** Whether these options name a live VPP (otherwise the embedded mock answers). */
    boolean live() {
        return socket != null || shm || config != null;
    }
}
