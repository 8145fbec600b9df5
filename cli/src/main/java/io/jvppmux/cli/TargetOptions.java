package io.jvppmux.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which VPP to talk to and how patiently; shared by every command. */
final class TargetOptions {
    @Option(names = "--socket", paramLabel = "PATH",
            description = "VPP's API socket (e.g. /run/vpp/api.sock); default: an embedded mock-vpp")
    Path socket;

    @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "1000",
            description = "reply timeout in milliseconds (default: ${DEFAULT-VALUE})")
    long timeoutMillis;

    @Option(names = {"-v", "--verbose"}, description = "log the library's info messages to stderr")
    boolean verbose;
}
